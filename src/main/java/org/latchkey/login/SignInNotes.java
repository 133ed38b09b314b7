package org.latchkey.login;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the identity store learnt during this request's sign-in that the refusal alone does not say: the password
 * was right but the address is not verified yet (only ever set after a correct password, so it tells a guesser
 * nothing). The login form and {@code POST /api/token} say so instead of "wrong password".
 */
@RequestScoped
public class SignInNotes {

    private boolean unverified;

    void unverified() {
        this.unverified = true;
    }

    public boolean isUnverified() {
        return unverified;
    }
}
