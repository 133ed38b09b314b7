package org.latchkey.caller;

import org.latchkey.user.User;

/**
 * The person asking for a change, as Latchkey's own records know them, and the sign-in (refresh family) they proved
 * on the auth host itself.
 */
public record Caller(User user, String family) {

    public long id() {
        return user.getId();
    }

    public String uuid() {
        return user.getUuid();
    }
}
