package org.latchkey.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.logging.Logger;
import org.latchkey.consumer.TokenVerifier;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.mail.Delivery;
import org.latchkey.mail.MailSettings;
import org.latchkey.registration.VerificationService;
import org.latchkey.password.PasswordPolicy;
import org.latchkey.storage.FailFast;
import org.latchkey.token.TokenIssuer;
import org.latchkey.user.AdminBootstrap;

/**
 * Runs at deployment; an exception here fails the deployment, so an unsafe setting never serves a request. Every
 * setting is read as text and checked by {@link Settings} inside the try below, which logs the one-line reason.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    Config config;

    @Inject
    PasswordPolicy policy;

    @Inject
    Provider<TokenIssuer> issuer;

    @Inject
    Provider<TokenVerifier> verifier;

    @Inject
    SchemaMigration schema;

    @Inject
    org.latchkey.token.DeviceTokens deviceTokens;

    @Inject
    AdminBootstrap admin;

    @Inject
    FailFast failFast;

    @Inject
    Delivery mail;

    @Inject
    MailSettings mailSettings;

    @Inject
    VerificationService verifications;

    @Inject
    Housekeeping housekeeping;

    @Inject
    org.latchkey.user.Standings standings;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            Settings.Summary settings = Settings.readAll(ConfigValues.of(config), policy);
            issuer.get();
            verifier.get();
            LOG.info("Latchkey tokens: " + settings.tokens().algorithm() + ", access " + settings.tokens().accessLifetime()
                    + ", refresh " + settings.tokens().refreshLifetime() + "; cookie domain "
                    + settings.cookies().domain().orElse("(host-only)") + ", secure " + settings.cookies().secure()
                    + "; data " + settings.dataDir());
            if (!mail.toOutbox() && mailSettings.publicUrl().isEmpty()) {
                throw new IllegalStateException("latchkey.public-url (LATCHKEY_PUBLIC_URL) is not set, and mail goes"
                        + " out through " + mail.route() + "; set the auth host's address as people reach it, such as"
                        + " https://auth.example.com — every link in a mail starts with it.");
            }
            if (mail.toOutbox() && settings.cookies().secure() && !mailSettings.outboxAllowed()) {
                throw new IllegalStateException("no mail server is configured, so mail would only be written to files in "
                        + mailSettings.outbox() + ", while cookies are Secure (a production set-up); set"
                        + " LATCHKEY_MAIL_SMTP_HOST (or bind mail/latchkey), or LATCHKEY_MAIL_OUTBOX=allow to keep mail"
                        + " in that folder.");
            }
            LOG.info("Latchkey mail: " + mail.route() + "; links start with " + mailSettings.base()
                    + (mail.toOutbox() ? " (no mail server is configured: set LATCHKEY_MAIL_SMTP_HOST or bind"
                    + " mail/latchkey to send mail)" : ""));
            schema.migrate();
            try {
                deviceTokens.load();
            } catch (RuntimeException raced) { // another instance made the secret at the same moment: read theirs
                deviceTokens.load();
            }
            failFast.apply();
            admin.run();
            verifications.startHousekeeping();
            housekeeping.run(); // once at start-up, then every few minutes
            housekeeping.start();
            standings.start();
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            LOG.severe("Latchkey refuses to start: " + reason);
            throw new IllegalStateException("Latchkey refuses to start: " + reason, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof IllegalStateException)) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
