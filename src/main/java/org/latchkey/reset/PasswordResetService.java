package org.latchkey.reset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.latchkey.audit.Audit;
import org.latchkey.link.EmailLinks;
import org.latchkey.mail.Letter;
import org.latchkey.mail.MailSettings;
import org.latchkey.mail.Mailer;
import org.latchkey.password.PasswordHasher;
import org.latchkey.password.PasswordPolicy;
import org.latchkey.session.SessionService;
import org.latchkey.session.SignIn;
import org.latchkey.text.Text;
import org.latchkey.throttle.LoginThrottle;
import org.latchkey.throttle.ThrottleSettings;
import org.latchkey.throttle.ThrottledException;
import org.latchkey.user.Emails;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * Reset links: asked for by anyone for any address (the same answer and the same work on the request thread for
 * every address — the lookup happens off it), or sent by a superuser; used once to set a new password under the
 * registration policy, which also proves the address, ends every sign-in and starts a new one.
 */
@ApplicationScoped
public class PasswordResetService {

    public static final String EMAIL = "email";
    public static final String PASSWORD = "password";
    public static final String CONFIRM_PASSWORD = "confirm_password";
    /** Where the mail's link leads: the new-password form. */
    public static final String PATH = "/password-reset/new-password";

    @Inject
    UserService users;

    @Inject
    EmailLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailSettings mail;

    @Inject
    ResetSettings settings;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    SessionService sessions;

    @Inject
    LoginThrottle throttle;

    @Inject
    Audit audit;

    @Inject
    ThrottleSettings throttleSettings;

    /**
     * Queues "send a link if an active account uses this address". Every request counts against the client's
     * address ({@code latchkey.throttle.client-failures} in the window, as registration does): each may mail someone.
     *
     * @return false only for text that is no email address (the form says so; that tells nobody anything)
     * @throws ThrottledException when this address asked too often: wait, nothing queued
     */
    public boolean request(String email, Locale locale, String client) {
        String address = email == null ? "" : email.strip();
        if (!Emails.isValid(address)) {
            return false;
        }
        LoginThrottle.Attempt attempt = throttle.begin("reset", LoginThrottle.group(client),
                throttleSettings.clientFailures(), java.time.Instant.now());
        if (!attempt.admitted()) {
            audit.event("password-reset-requested", null, client, "throttled");
            throw new ThrottledException(attempt.waiting().get());
        }
        mailer.later("reset", () -> {
            Optional<User> user = users.findByEmail(address).filter(User::isActive);
            if (user.isEmpty()) {
                audit.event("password-reset-requested", null, client, "no-active-account");
                return;
            }
            audit.event("password-reset-requested", user.get().getUuid(), client, "link-queued");
            send(user.get(), locale);
        });
        return true;
    }

    /** A superuser's "send a reset link": the same link and limit; the superuser never sees it. */
    public void sendTo(User user, Locale locale) {
        if (user.isActive()) {
            mailer.later("reset", () -> send(user, locale));
        }
    }

    /** Also offered to someone who tried to register an address that has an account. */
    public String newLink(User user) {
        return mail.link(PATH, links.create(user.getId(), EmailLinks.RESET, null, settings.lifetime()));
    }

    private void send(User user, Locale locale) {
        if (!mailer.allowed(user.getEmail(), "reset", user.getUuid())) {
            return; // the link they already have keeps working
        }
        String link = newLink(user);
        mailer.deliver(Letter.compose("reset", user.getEmail(), locale, user.getUuid(), link, user.greeting(),
                Text.duration(settings.lifetime())));
    }

    /** Whether this link would work now: the form is shown only for one that does. */
    public boolean works(String token) {
        return links.peek(token, EmailLinks.RESET).flatMap(l -> users.findById(l.userId())).filter(User::isActive)
                .isPresent();
    }

    /**
     * Sets the new password if the link works and the password passes the policy. Not throttled like logins: a valid
     * link is the way back in while an attacker keeps the account's logins busy.
     */
    public ResetOutcome confirm(String token, String password, String confirm, Locale locale, String client) {
        Optional<User> found = links.peek(token, EmailLinks.RESET).flatMap(l -> users.findById(l.userId()))
                .filter(User::isActive);
        if (found.isEmpty()) {
            audit.event("password-reset", null, client, "link-not-valid");
            return ResetOutcome.deadLink();
        }
        User user = found.get();
        Map<String, List<Text>> problems = check(user, password, confirm);
        if (!problems.isEmpty()) {
            return new ResetOutcome(true, problems, null);
        }
        String hash = hasher.hash(password);
        if (links.use(token, EmailLinks.RESET).isEmpty()) { // used by a concurrent request meanwhile
            audit.event("password-reset", user.getUuid(), client, "link-not-valid");
            return ResetOutcome.deadLink();
        }
        users.replacePasswordHash(user.getId(), hash);
        users.markEmailVerified(user.getId()); // the link came to this address: it is theirs
        links.retirePending(user.getId()); // another reset link, a verification, a change of address: none works now
        sessions.endAllSessions(user.getId());
        throttle.forgive(user.getEmail(), java.time.Instant.now());
        SignIn signIn = sessions.start(user.getId());
        audit.event("password-reset", user.getUuid(), client, "success");
        mailer.later("password-notice", () -> mailer.send(Letter.compose("passwordReset", user.getEmail(), locale,
                user.getUuid(), null, user.greeting())));
        return new ResetOutcome(true, Map.of(), signIn);
    }

    private Map<String, List<Text>> check(User user, String password, String confirm) {
        Map<String, List<Text>> problems = new LinkedHashMap<>();
        String candidate = password == null ? "" : password;
        if (candidate.isEmpty()) {
            add(problems, PASSWORD, Text.of("register.passwordRequired"));
        } else {
            policy.problems(candidate, user.getFirstName(), user.getLastName(), user.getEmail())
                    .forEach(p -> add(problems, PASSWORD, p));
        }
        String again = confirm == null ? "" : confirm;
        if (again.isEmpty()) {
            add(problems, CONFIRM_PASSWORD, Text.of("register.confirmRequired"));
        } else if (!again.equals(candidate)) {
            add(problems, CONFIRM_PASSWORD, Text.of("register.mismatch"));
        }
        return problems;
    }


    private static void add(Map<String, List<Text>> problems, String field, Text message) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
