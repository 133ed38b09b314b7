package org.latchkey.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
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

    public List<String> getRoles() {
        return currentUser.get().map(u -> List.copyOf(u.groups())).orElse(List.of());
    }
}
