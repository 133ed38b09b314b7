package org.latchkey.consumer;

/** A token that must not be trusted; the message says why, for logs (never shown to the person). */
public class TokenRejectedException extends Exception {
    public TokenRejectedException(String message) {
        super(message);
    }

    public TokenRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
