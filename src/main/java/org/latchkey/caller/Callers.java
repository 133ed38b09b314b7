package org.latchkey.caller;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import org.latchkey.audit.Audit;
import org.latchkey.session.SessionService;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * The second lock on every door: services ask here who is calling, whatever URL, servlet or resource brought the
 * request. The caller is the principal the container authenticated, re-read from the database (active, roles) —
 * never taken from a token's claims or from a parameter. A change also needs the auth host's own session: a live
 * refresh token of that person's (the host-only cookie, or the API client's token in the body). The access cookie,
 * which every service on the parent domain receives, is enough to read but never to change anything. Refusals are
 * audited.
 */
@ApplicationScoped
public class Callers {

    @Inject
    org.latchkey.throttle.Clients clients;

    @Inject
    SecurityContext security;

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    @Inject
    Audit audit;

    @Inject
    HttpServletRequest request;

    /** The signed-in, active person; for reading their own things. */
    public User signedIn(String action) throws NotAllowedException {
        Principal principal = security.getCallerPrincipal();
        Optional<User> user = principal == null ? Optional.empty()
                : users.findByUuid(principal.getName()).filter(User::isActive);
        if (user.isEmpty()) {
            throw refused(action, principal == null ? null : principal.getName(), "not-signed-in");
        }
        return user.get();
    }

    /** The signed-in person, proving the auth-host session with {@code refreshToken}; for changing their things. */
    public Caller withHostSession(String action, String refreshToken) throws NotAllowedException {
        User user = signedIn(action);
        Optional<String> family = sessions.liveFamily(refreshToken, user.getId());
        if (family.isEmpty()) {
            throw refused(action, user.getUuid(), "no-auth-host-session");
        }
        return new Caller(user, family.get());
    }

    /** A superuser by the database, with the auth-host session; for everything on the admin pages. */
    public Caller superuser(String action, String refreshToken) throws NotAllowedException {
        Caller caller = withHostSession(action, refreshToken);
        if (!caller.user().isSuperuser()) {
            throw refused(action, caller.uuid(), "not-superuser");
        }
        return caller;
    }

    private NotAllowedException refused(String action, String uuid, String reason) {
        audit.event(action + "-refused", uuid, clients.address(), reason);
        return new NotAllowedException(reason);
    }
}
