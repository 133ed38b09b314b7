package org.latchkey.login;

import org.latchkey.consumer.LatchkeyUser;

/** A person signed in by access token, named by their UUID, with the roles Latchkey's own row gave them. */
public class TokenPrincipal extends UserPrincipal {

    private final transient LatchkeyUser user;

    public TokenPrincipal(LatchkeyUser user, long userId) {
        super(user.uuid(), userId);
        this.user = user;
    }

    public LatchkeyUser user() {
        return user;
    }
}
