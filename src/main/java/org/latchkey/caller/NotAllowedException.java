package org.latchkey.caller;

/** A caller who may not do what they asked; {@link #reason()} is the audit outcome. */
public class NotAllowedException extends Exception {

    private final String reason;

    public NotAllowedException(String reason) {
        super(reason);
        this.reason = reason;
    }

    /** {@code not-signed-in}, {@code no-auth-host-session} or {@code not-superuser}. */
    public String reason() {
        return reason;
    }
}
