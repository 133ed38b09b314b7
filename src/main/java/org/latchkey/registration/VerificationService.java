package org.latchkey.registration;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.latchkey.account.CurrentPassword;
import org.latchkey.audit.Audit;
import org.latchkey.link.EmailLinks;
import org.latchkey.link.LinkUse;
import org.latchkey.mail.Letter;
import org.latchkey.mail.MailQuota;
import org.latchkey.mail.MailSettings;
import org.latchkey.mail.Mailer;
import org.latchkey.session.ClientDevice;
import org.latchkey.text.Text;
import org.latchkey.throttle.Clients;
import org.latchkey.user.NewUser;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * Verified addresses: a link to each new account's address; a new one when an unverified account signs in with the
 * right password; the link's page only confirms on a POST (mail scanners that fetch links confirm nothing), and only
 * with the password the registration was made with — a mailbox proves the address, the password proves that the
 * registration is the mailbox owner's own (not one an attacker made first, waiting for her to confirm it). The page
 * says when, and from which browser, the registration was made. Accounts never verified are removed once their link
 * has expired.
 */
@ApplicationScoped
public class VerificationService {

    public static final String PATH = "/verify-email";
    private static final Logger LOG = Logger.getLogger(VerificationService.class.getName());

    @Inject
    UserService users;

    @Inject
    EmailLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailSettings mail;

    @Inject
    MailQuota quota;

    @Inject
    RegistrationSettings settings;

    @Inject
    Audit audit;

    @Inject
    CurrentPassword currentPassword;

    @Inject
    Clients clients;

    @Resource
    ManagedScheduledExecutorService executor;

    /** Whether this person must verify before they sign in. */
    public boolean mustVerify(User user) {
        return settings.verificationRequired() && !user.isEmailVerified();
    }

    /** After the right password from an unverified account: a new link, off the request thread. */
    public void resend(User user, Locale locale) {
        String from = ClientDevice.of(clients.address(), clients.userAgent()).described();
        mailer.later("verify", () -> send(user, locale, from));
    }

    /**
     * A new link for this account, made for a request from {@code from}, within the address's hourly limit (beyond
     * it the link already sent keeps working); it retires every older one.
     */
    void send(User user, Locale locale, String from) {
        if (mailer.allowed(user.getEmail(), "verify", user.getUuid())) {
            mail(user, locale, from);
        }
    }

    /**
     * A registration of an address whose account was never confirmed nor used: within the address's hourly limit
     * the account takes this registration's password and names and a new link is mailed, retiring the older ones;
     * beyond it nothing changes (the link already sent keeps working for the registration it was sent for).
     *
     * @return false when the account turned out confirmed or used meanwhile (nothing changed: tell its owner)
     */
    boolean renew(User unconfirmed, NewUser registration, Locale locale, String client, String from) {
        if (!mailer.allowed(unconfirmed.getEmail(), "verify", unconfirmed.getUuid())) {
            audit.event("register", unconfirmed.getUuid(), client, "unconfirmed-registration-over-limit");
            return true;
        }
        if (!users.reRegister(unconfirmed.getId(), registration)) {
            return false;
        }
        audit.event("register", unconfirmed.getUuid(), client, "unconfirmed-registration-replaced");
        mail(unconfirmed, locale, from);
        return true;
    }

    /** The mail greets the address, not a name: until the link is followed, a name is only what a registrant typed. */
    private void mail(User user, Locale locale, String from) {
        String token = links.create(user.getId(), EmailLinks.VERIFY, null, from, settings.verificationLifetime());
        mailer.deliver(Letter.compose("verify", user.getEmail(), locale, user.getUuid(), mail.link(PATH, token),
                user.getEmail(), Text.duration(settings.verificationLifetime())));
    }

    /** The link, if it would work now: when and where the registration it confirms was made. */
    public Optional<LinkUse> pending(String token) {
        return links.peek(token, EmailLinks.VERIFY);
    }

    /** What following a verification link came to. */
    public sealed interface Confirmation {
        /** The address is verified; the person signs in. */
        record Confirmed() implements Confirmation { }
        /** The link is unknown, used, retired by a newer registration or expired. */
        record DeadLink() implements Confirmation { }
        /** Not the registration's password (or too many guesses: wait): the link stays as it is. */
        record Refused(Text problem) implements Confirmation { }
    }

    /**
     * Confirms the address if the link works and {@code password} is the one its registration was made with; a
     * wrong one leaves the link as it is and is counted like a wrong password at sign-in (for this person).
     *
     */
    public Confirmation confirm(String token, String password, String client) {
        Optional<User> user = links.peek(token, EmailLinks.VERIFY).flatMap(l -> users.findById(l.userId()));
        if (user.isEmpty()) {
            audit.event("email-verified", null, client, "link-not-valid");
            return new Confirmation.DeadLink();
        }
        Optional<Text> wrong = password(user.get(), password);
        if (wrong.isPresent()) {
            audit.event("email-verified", user.get().getUuid(), client, "wrong-password");
            return new Confirmation.Refused(wrong.get());
        }
        Optional<LinkUse> used = links.use(token, EmailLinks.VERIFY);
        if (used.isEmpty() || used.get().userId() != user.get().getId()) {
            audit.event("email-verified", user.get().getUuid(), client, "link-not-valid");
            return new Confirmation.DeadLink();
        }
        users.markEmailVerified(user.get().getId());
        audit.event("email-verified", user.get().getUuid(), client, "success");
        return new Confirmation.Confirmed();
    }

    private Optional<Text> password(User user, String password) {
        return currentPassword.problem(user, password, Text.of("verify.wrongPassword"));
    }

    /** From start-up: removes unverified accounts past their link's lifetime, and old mail counts, from now on. */
    public void startHousekeeping() {
        long every = Math.max(1000, Math.min(settings.verificationLifetime().toMillis() / 4, Duration.ofMinutes(10).toMillis()));
        executor.scheduleWithFixedDelay(this::housekeeping, every, every, TimeUnit.MILLISECONDS);
    }

    void housekeeping() {
        try {
            int removed = links.purge(settings.verificationLifetime());
            quota.purge();
            if (removed > 0) {
                audit.event("unverified-accounts-removed", null, null, String.valueOf(removed));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping failed; trying again later: {0}", e.toString()); // the database may be away
        }
    }
}
