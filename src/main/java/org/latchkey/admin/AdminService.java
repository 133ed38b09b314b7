package org.latchkey.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.latchkey.audit.Audit;
import org.latchkey.caller.Caller;
import org.latchkey.caller.Callers;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.link.EmailLinks;
import org.latchkey.reset.PasswordResetService;
import org.latchkey.session.SessionService;
import org.latchkey.session.SignInEntry;
import org.latchkey.session.SignInsService;
import org.latchkey.user.User;
import org.latchkey.user.UserSearch;
import org.latchkey.user.UserService;

/**
 * What a superuser may do to other people's accounts. Every method checks the caller itself — a superuser by the
 * database, with the auth host's own session ({@code refreshToken}) — whatever the page's constraint said.
 */
@ApplicationScoped
public class AdminService {

    @Inject
    EmailLinks links;

    @Inject
    UserService users;

    @Inject
    SessionService sessions;

    @Inject
    Callers callers;

    @Inject
    PasswordResetService resets;

    @Inject
    SignInsService signIns;

    @Inject
    Audit audit;

    /** One page of the people matching {@code search}, for a superuser with the auth host's session. */
    public UserSearch.Page users(String refreshToken, UserSearch search) throws NotAllowedException {
        callers.superuser("admin-users", refreshToken);
        return users.search(search);
    }

    /** One person as a superuser sees them: the account and its live sign-ins (newest use first). */
    public record Person(User user, List<SignInEntry> signIns) implements java.io.Serializable {
    }

    /** That person, or none; for a superuser with the auth host's session. */
    public Optional<Person> person(String uuid, String refreshToken) throws NotAllowedException {
        callers.superuser("admin-person", refreshToken);
        return users.findByUuid(uuid).map(user -> new Person(user, signIns.of(user.getId(), null)));
    }

    /**
     * Ends one of the person's sign-ins (it refreshes no more; an access token it holds runs out within its
     * lifetime). Audited as {@code sign-in-ended} with the superuser as actor.
     *
     * @return false when the person has no such live sign-in
     */
    public boolean endSignIn(String uuid, String signInId, String refreshToken, String client) throws NotAllowedException {
        Caller caller = callers.superuser("sign-in-end", refreshToken);
        boolean done = signInId != null && users.findByUuid(uuid).map(user -> signIns.end(user.getId(), signInId))
                .orElse(false);
        audit.event("sign-in-ended", uuid, client, done ? "success" : "no-such-sign-in", caller.uuid());
        return done;
    }

    /**
     * Ends every sign-in of the person, and Latchkey refuses the access tokens they hold from now on (services on the
     * domain until those expire). Audited as {@code sign-out-everywhere} with the superuser as actor.
     *
     * @return false when there is no such person
     */
    public boolean endAllSignIns(String uuid, String refreshToken, String client) throws NotAllowedException {
        Caller caller = callers.superuser("sign-out-everywhere", refreshToken);
        boolean done = users.findByUuid(uuid).map(user -> {
            sessions.endAllSessions(user.getId());
            links.retirePending(user.getId());
            return true;
        }).orElse(false);
        audit.event("sign-out-everywhere", uuid, client, done ? "success" : "no-such-person", caller.uuid());
        return done;
    }

    /**
     * Deactivates and ends every sign-in; Latchkey refuses the person's access tokens from now on.
     *
     * @return false when there is no such person, it is the caller (a superuser cannot lock themselves out), or it
     *     is the last active superuser
     */
    public boolean deactivate(String uuid, String refreshToken, String client) throws NotAllowedException {
        Caller caller = callers.superuser("user-deactivated", refreshToken);
        boolean done = !uuid.equals(caller.uuid()) && users.findByUuid(uuid).map(user -> {
            if (!users.setActive(user.getId(), false)) {
                return false; // the last active superuser (another one was deactivating the caller at the same time)
            }
            sessions.endAllSessions(user.getId());
            links.retirePending(user.getId());
            return true;
        }).orElse(false);
        audit.event("user-deactivated", uuid, client, done ? "success" : "refused", caller.uuid());
        return done;
    }

    public boolean reactivate(String uuid, String refreshToken, String client) throws NotAllowedException {
        Caller caller = callers.superuser("user-reactivated", refreshToken);
        boolean done = users.findByUuid(uuid).map(user -> {
            users.setActive(user.getId(), true);
            return true;
        }).orElse(false);
        audit.event("user-reactivated", uuid, client, done ? "success" : "refused", caller.uuid());
        return done;
    }

    /** What a role change came to, for the page and the API to say. */
    public enum RolesOutcome { DONE, NO_SUCH_PERSON, OWN_SUPERUSER_FLAG, LAST_SUPERUSER }

    /**
     * Grants or revokes staff and superuser. Never a superuser's own superuser flag (another superuser does that),
     * never the last active superuser's. Audited as {@code roles-changed} with who did it and the roles now, or why not.
     */
    public RolesOutcome setRoles(String uuid, boolean staff, boolean superuser, String refreshToken, String client)
            throws NotAllowedException {
        Caller caller = callers.superuser("roles-changed", refreshToken);
        RolesOutcome outcome;
        if (uuid.equals(caller.uuid()) && !superuser) {
            outcome = RolesOutcome.OWN_SUPERUSER_FLAG;
        } else {
            outcome = switch (users.setRoles(uuid, staff, superuser)) {
                case DONE -> RolesOutcome.DONE;
                case NO_SUCH_PERSON -> RolesOutcome.NO_SUCH_PERSON;
                case LAST_SUPERUSER -> RolesOutcome.LAST_SUPERUSER;
            };
        }
        audit.event("roles-changed", uuid, client, outcome == RolesOutcome.DONE
                ? (superuser ? "superuser" : staff ? "staff" : "user")
                : "refused-" + outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), caller.uuid());
        return outcome;
    }

    /**
     * Mails the person a reset link (under the same hourly limit as any request); the superuser never sees it.
     *
     * @return false when there is no such active person
     */
    public boolean sendResetLink(String uuid, String refreshToken, Locale locale, String client) throws NotAllowedException {
        Caller caller = callers.superuser("reset-link-sent", refreshToken);
        return users.findByUuid(uuid).filter(User::isActive).map(user -> {
            resets.sendTo(user, locale);
            audit.event("reset-link-sent", user.getUuid(), client, "queued", caller.uuid());
            return true;
        }).orElse(false);
    }
}
