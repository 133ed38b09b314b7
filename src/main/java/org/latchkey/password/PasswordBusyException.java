package org.latchkey.password;

/**
 * Every bcrypt turn is taken and the queue for them is full: the attempt is refused now rather than queued. Pages
 * and the API answer it with 503 and {@code Retry-After}; nothing was checked, so nothing is counted as a guess.
 */
public class PasswordBusyException extends RuntimeException {

    /** How long a client should wait before trying again: a flood's peak is usually seconds long. */
    public static final int RETRY_AFTER_SECONDS = 2;

    private static final long serialVersionUID = 1L;

    public PasswordBusyException() {
        super("Every password check is busy and the queue is full", null, false, false);
    }

    /** True when {@code failure}, or anything it was caused by, is this refusal. */
    public static boolean isCause(Throwable failure) {
        java.util.Map<Throwable, Boolean> seen = new java.util.IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof PasswordBusyException) {
                return true;
            }
        }
        return false;
    }
}
