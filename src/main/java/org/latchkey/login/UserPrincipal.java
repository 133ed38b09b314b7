package org.latchkey.login;

import jakarta.security.enterprise.CallerPrincipal;

/** A person just checked by password: named by their UUID, like a token's principal, and carrying the row id. */
public class UserPrincipal extends CallerPrincipal {

    private final long userId;

    public UserPrincipal(String uuid, long userId) {
        super(uuid);
        this.userId = userId;
    }

    public long userId() {
        return userId;
    }
}
