package org.latchkey.registration;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.latchkey.audit.Audit;
import org.latchkey.link.EmailLinks;
import org.latchkey.mail.Letter;
import org.latchkey.mail.MailQuota;
import org.latchkey.mail.MailSettings;
import org.latchkey.mail.Mailer;
import org.latchkey.text.Text;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * Verified addresses: a link to each new account's address; a new one when an unverified account signs in with the
 * right password; the link's page only confirms on a POST (mail scanners that fetch links confirm nothing). Accounts
 * never verified are removed once their link has expired.
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

    @Resource
    ManagedScheduledExecutorService executor;

    /** Whether this person must verify before they sign in. */
    public boolean mustVerify(User user) {
        return settings.verificationRequired() && !user.isEmailVerified();
    }

    /** After the right password from an unverified account: a new link, off the request thread. */
    public void resend(User user, Locale locale) {
        mailer.later("verify", () -> send(user, locale));
    }

    void send(User user, Locale locale) {
        if (!mailer.allowed(user.getEmail(), "verify", user.getUuid())) {
            return;
        }
        String token = links.create(user.getId(), EmailLinks.VERIFY, null, settings.verificationLifetime());
        mailer.deliver(Letter.compose("verify", user.getEmail(), locale, user.getUuid(), mail.link(PATH, token),
                user.greeting(),
                Text.duration(settings.verificationLifetime())));
    }

    public boolean works(String token) {
        return links.peek(token, EmailLinks.VERIFY).isPresent();
    }

    /** @return whether the link worked (and the address is now verified) */
    public boolean confirm(String token, String client) {
        return links.use(token, EmailLinks.VERIFY).map(use -> {
            users.markEmailVerified(use.userId());
            audit.event("email-verified", users.findById(use.userId()).map(User::getUuid).orElse(null), client, "success");
            return true;
        }).orElseGet(() -> {
            audit.event("email-verified", null, client, "link-not-valid");
            return false;
        });
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
