package org.latchkey.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.latchkey.audit.Audit;
import org.latchkey.mail.Letter;
import org.latchkey.mail.MailSettings;
import org.latchkey.mail.Mailer;
import org.latchkey.password.PasswordHasher;
import org.latchkey.password.PasswordPolicy;
import org.latchkey.text.Text;
import org.latchkey.session.ClientDevice;
import org.latchkey.throttle.Clients;
import org.latchkey.throttle.LoginThrottle;
import org.latchkey.throttle.ThrottleSettings;
import org.latchkey.throttle.ThrottledException;
import org.latchkey.user.EmailTakenException;
import org.latchkey.user.Emails;
import org.latchkey.user.NewUser;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * The article's checks — a valid email, the two passwords equal — plus names that fit and the password policy.
 * Problems come back by form field; nothing is stored unless there are none. With verification required (the
 * default) a taken address is no problem the form reports: the same answer, and the same work on the request
 * thread (the password is hashed either way), then off it either a new unverified account and its verification
 * link, or a mail to the address's owner saying someone tried. With verification off, the article's behaviour: the
 * form says the address is taken, and the account works at once.
 */
@ApplicationScoped
public class RegistrationService {

    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    public static final String EMAIL = "email";
    public static final String PASSWORD = "password";
    public static final String CONFIRM_PASSWORD = "confirm_password";
    static final Text EMAIL_TAKEN = Text.of("register.emailTaken");

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    RegistrationSettings settings;

    @Inject
    VerificationService verifications;

    @Inject
    Mailer mailer;

    @Inject
    MailSettings mail;

    @Inject
    Audit audit;

    @Inject
    LoginThrottle throttle;

    @Inject
    ThrottleSettings throttleSettings;

    @Inject
    Clients clients;

    /** Whether a registration ends with "check your inbox" rather than "your account was created". */
    public boolean verificationRequired() {
        return settings.verificationRequired();
    }

    /**
     * @return problems by field name; empty when the account was created (verification off) or the registration
     *         was accepted for its address (verification required)
     */
    public Map<String, List<Text>> register(Registration form, Locale locale, String client) throws ThrottledException {
        Problems problems = new Problems();
        LoginThrottle.Attempt attempt = null;
        String first = clean(form.firstName());
        String last = clean(form.lastName());
        String email = clean(form.email());
        checkName(problems, FIRST_NAME, first);
        checkName(problems, LAST_NAME, last);
        if (email.isEmpty()) {
            problems.add(EMAIL, Text.of("register.emailRequired"));
        } else if (!Emails.isValid(email)) {
            problems.add(EMAIL, Text.of("register.emailInvalid"));
        } else {
            // every registration counts for the client's address: with verification off an account actually made
            // gives it back (only "taken" answers tell anything); with it required each one mails someone
            attempt = throttle.begin("register", LoginThrottle.group(client), throttleSettings.clientFailures(), Instant.now());
            if (!attempt.admitted()) {
                audit.event("register", null, client, "throttled");
                throw new ThrottledException(attempt.waiting().get());
            }
            if (!settings.verificationRequired() && users.emailTaken(email)) {
                problems.add(EMAIL, EMAIL_TAKEN);
            }
        }
        String password = form.password() == null ? "" : form.password();
        if (password.isEmpty()) {
            problems.add(PASSWORD, Text.of("register.passwordRequired"));
        } else {
            policy.problems(password, first, last, email).forEach(p -> problems.add(PASSWORD, p));
        }
        String confirm = form.confirmPassword() == null ? "" : form.confirmPassword();
        if (confirm.isEmpty()) {
            problems.add(CONFIRM_PASSWORD, Text.of("register.confirmRequired"));
        } else if (!confirm.equals(password)) {
            problems.add(CONFIRM_PASSWORD, Text.of("register.mismatch"));
        }
        if (!problems.isEmpty()) {
            return problems.byField();
        }
        LoginThrottle.Attempt counted = attempt;
        String hash;
        try {
            hash = hasher.hash(password);
        } catch (org.latchkey.password.PasswordBusyException busy) {
            if (counted != null) {
                throttle.succeeded(counted, Instant.now()); // nothing was made or mailed: nothing to count
            }
            throw busy;
        }
        NewUser user = new NewUser(email, first, last, hash, false);
        if (settings.verificationRequired()) {
            String from = ClientDevice.of(client, clients.userAgent()).described(); // read here, on the request's thread
            mailer.later("register", () -> createOrTell(user, locale, client, from));
            return problems.byField();
        }
        try {
            User created = users.create(user);
            throttle.succeeded(counted, Instant.now());
            audit.event("register", created.getUuid(), client, "created");
        } catch (EmailTakenException e) {
            problems.add(EMAIL, EMAIL_TAKEN); // lost a race with another registration of the same address
        }
        return problems.byField();
    }

    /**
     * Off the request thread: a new account and its link; or, for an address whose account was never confirmed nor
     * used, that account anew under this registration's password and names, with a new link that retires the older
     * ones (whoever registered first, if not the mailbox's owner, is left with nothing); or a notice to the owner.
     */
    private void createOrTell(NewUser registration, Locale locale, String client, String from) {
        Optional<User> existing = users.findByEmail(registration.email());
        if (existing.isPresent()) {
            User found = existing.get();
            boolean unconfirmed = !found.isEmailVerified() && found.getLastLogin() == null;
            if (!unconfirmed || !verifications.renew(found, registration, locale, client, from)) {
                tellOwner(registration, locale, client);
            }
            return;
        }
        try {
            User created = users.create(registration); // counted all the same: each one mails a link
            audit.event("register", created.getUuid(), client, "verification-queued");
            verifications.send(created, locale, from);
        } catch (EmailTakenException e) {
            tellOwner(registration, locale, client); // lost a race with another registration of the address
        }
    }

    /** The owner hears of it (if the account is active); the one who tried learns nothing. */
    private void tellOwner(NewUser registration, Locale locale, String client) {
        {
            users.findByEmail(registration.email()).filter(User::isActive).ifPresent(owner -> {
                audit.event("register", owner.getUuid(), client, "address-taken");
                mailer.send(Letter.compose("registrationTaken", owner.getEmail(), locale, owner.getUuid(),
                        mail.base() + "/login", owner.greeting(),
                        mail.base() + "/password-reset"));
            });
        }
    }

    private static void checkName(Problems problems, String field, String value) {
        org.latchkey.user.Names.problem(field, value).ifPresent(p -> problems.add(field, p));
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
