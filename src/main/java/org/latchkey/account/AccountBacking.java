package org.latchkey.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.LatchkeyUser;

/** account.xhtml: who is signed in, as the access cookie says, and their roles. */
@Named
@RequestScoped
public class AccountBacking {

    @Inject
    CurrentUser currentUser;

    public LatchkeyUser getUser() {
        return currentUser.getUser();
    }

    /** The roles as one line, e.g. "user, staff". */
    public String getRoles() {
        return currentUser.get().map(u -> String.join(", ", u.groups())).orElse("");
    }
}
