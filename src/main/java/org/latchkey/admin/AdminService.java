package org.latchkey.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.latchkey.session.SessionService;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/** What a superuser may do to other people's accounts. */
@ApplicationScoped
public class AdminService {

    static final int PAGE = 500;

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    public List<User> users() {
        return users.list(PAGE);
    }

    /** Deactivates and ends every sign-in; Latchkey refuses the person's access tokens from now on. */
    public boolean deactivate(String uuid, String byUuid) {
        if (uuid.equals(byUuid)) {
            return false; // a superuser cannot lock themselves out by mistake
        }
        return users.findByUuid(uuid).map(user -> {
            users.setActive(user.getId(), false);
            sessions.endAllSessions(user.getId());
            return true;
        }).orElse(false);
    }

    public boolean reactivate(String uuid) {
        return users.findByUuid(uuid).map(user -> {
            users.setActive(user.getId(), true);
            return true;
        }).orElse(false);
    }
}
