package org.latchkey.login;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the identity store learnt during this request's sign-in that the refusal alone does not say: the password
 * was right but the address is not verified yet (only ever set after a correct password, so it tells a guesser
 * nothing). The login form and {@code POST /api/token} say so instead of "wrong password". For the audit trail, it
 * also keeps why a password check said no — which the answer never tells.
 */
@RequestScoped
public class SignInNotes {

    private boolean unverified;
    private String refusal = "failure";
    private String refusedUuid;

    void unverified() {
        this.unverified = true;
    }

    /** Why the password check said no — for the audit trail and the metrics only, never for the answer. */
    void refused(String why, String userUuid) {
        this.refusal = why;
        this.refusedUuid = userUuid;
    }

    /** {@code unknown-email}, {@code wrong-password} or {@code inactive}: the audit line's outcome of a refusal. */
    public String refusal() {
        return refusal;
    }

    /** The account a refused sign-in named, when there is one. */
    public String refusedUuid() {
        return refusedUuid;
    }

    public boolean isUnverified() {
        return unverified;
    }
}
