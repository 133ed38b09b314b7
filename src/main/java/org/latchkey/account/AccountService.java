package org.latchkey.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latchkey.caller.Caller;
import org.latchkey.caller.Callers;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.link.EmailLinks;
import org.latchkey.mail.Letter;
import org.latchkey.mail.MailSettings;
import org.latchkey.mail.Mailer;
import org.latchkey.password.PasswordHasher;
import org.latchkey.password.PasswordPolicy;
import org.latchkey.session.SessionService;
import org.latchkey.session.SignInEntry;
import org.latchkey.session.SignInsService;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.user.Names;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * The signed-in person's own changes: a new password (which ends their other sign-ins and their reset links, and
 * sends a notice to their address), their name, their sign-ins (one or all).
 */
@ApplicationScoped
public class AccountService {

    public static final String CURRENT_PASSWORD = "current_password";
    public static final String NEW_PASSWORD = "new_password";
    public static final String CONFIRM_PASSWORD = "confirm_password";
    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    CurrentPassword currentPassword;

    @Inject
    SessionService sessions;

    @Inject
    SignInsService signIns;

    @Inject
    org.latchkey.audit.Audit audit;

    @Inject
    org.latchkey.throttle.Clients clients;

    @Inject
    Callers callers;

    @Inject
    EmailLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailSettings mail;

    @Inject
    HttpServletRequest request;

    /** The signed-in person's own record, for reading (the access token is enough for that). */
    public User me() throws NotAllowedException {
        return callers.signedIn("account-read");
    }

    /**
     * Checks the current password and the new one; on success stores it and ends every other sign-in of this
     * person. Only from the auth host's own session: {@code refreshToken} must be a live one of the caller's (its
     * sign-in stays, and gets the new access token returned).
     *
     * @return problems by form field, or the new access token for this device when the password was changed
     */
    public AccountChange changePassword(String current, String next, String confirm, String refreshToken)
            throws NotAllowedException {
        Caller caller = callers.withHostSession("password-change", refreshToken);
        User user = caller.user();
        Map<String, List<Text>> problems = new LinkedHashMap<>();
        currentPassword.problem(user, current).ifPresent(p -> add(problems, CURRENT_PASSWORD, p));
        String candidate = next == null ? "" : next;
        if (candidate.isEmpty()) {
            add(problems, NEW_PASSWORD, Text.of("account.newRequired"));
        } else {
            policy.problems(candidate, user.getFirstName(), user.getLastName(), user.getEmail())
                    .forEach(p -> add(problems, NEW_PASSWORD, p));
        }
        if (!candidate.equals(confirm == null ? "" : confirm)) {
            add(problems, CONFIRM_PASSWORD, Text.of("account.mismatch"));
        }
        if (!problems.isEmpty()) {
            return new AccountChange(problems, null);
        }
        users.replacePasswordHash(user.getId(), hasher.hash(candidate));
        sessions.endOtherSessions(user.getId(), refreshToken);
        links.retirePending(user.getId()); // a link sent before no longer sets a password, confirms or changes anything
        Locale locale = Texts.choose(request.getLocales().asIterator());
        // a notice with no secret and no link that signs anyone in (ASVS 2.2.3)
        mailer.later("password-notice", () -> mailer.send(Letter.compose("passwordChanged", user.getEmail(), locale,
                user.getUuid(), null, user.greeting(),
                mail.base() + "/password-reset")));
        return new AccountChange(Map.of(), sessions.access(user.getId()));
    }

    /**
     * New first and last names, from the auth host's own session. The answer carries a new access token with them for
     * this device; other sign-ins get theirs at their next refresh. Audited as {@code name-changed}.
     */
    public AccountChange changeName(String firstName, String lastName, String refreshToken) throws NotAllowedException {
        Caller caller = callers.withHostSession("name-change", refreshToken);
        String first = firstName == null ? "" : firstName.strip();
        String last = lastName == null ? "" : lastName.strip();
        Map<String, List<Text>> problems = new LinkedHashMap<>();
        Names.problem(FIRST_NAME, first).ifPresent(p -> add(problems, FIRST_NAME, p));
        Names.problem(LAST_NAME, last).ifPresent(p -> add(problems, LAST_NAME, p));
        if (!problems.isEmpty()) {
            return new AccountChange(problems, null);
        }
        users.changeName(caller.id(), first, last);
        audit.event("name-changed", caller.uuid(), clients.address(), "success");
        return new AccountChange(Map.of(), sessions.access(caller.id()));
    }

    /** Ends every sign-in of this person, this one included; only from the auth host's own session. */
    public Caller signOutEverywhere(String refreshToken) throws NotAllowedException {
        Caller caller = callers.withHostSession("sign-out-everywhere", refreshToken);
        sessions.endAllSessions(caller.id());
        links.retirePending(caller.id());
        return caller;
    }

    /**
     * Where this person is signed in, this sign-in marked. Only from the auth host's own session: the list says
     * where each device was last used, which an access token (seen by every service on the domain) must not read.
     */
    public List<SignInEntry> signIns(String refreshToken) throws NotAllowedException {
        Caller caller = callers.withHostSession("sign-ins-read", refreshToken);
        return signIns.of(caller.id(), caller.family());
    }

    /**
     * Ends one of this person's other sign-ins (a lost phone): it refreshes no more. Not this one — that is signing
     * out. Only from the auth host's own session.
     *
     * @return false when the person has no such other live sign-in
     */
    public boolean endSignIn(String id, String refreshToken) throws NotAllowedException {
        Caller caller = callers.withHostSession("sign-in-end", refreshToken);
        boolean done = id != null && !id.equals(caller.family()) && signIns.end(caller.id(), id);
        audit.event("sign-in-ended", caller.uuid(), clients.address(), done ? "success" : "no-such-sign-in");
        return done;
    }

    private static void add(Map<String, List<Text>> problems, String field, Text message) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
