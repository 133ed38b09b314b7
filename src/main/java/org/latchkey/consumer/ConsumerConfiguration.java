package org.latchkey.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Reads a downstream service's settings; the names are the ones Latchkey itself uses, so one set of environment
 * variables serves both. Every setting is read and checked when the service deploys: a bad one stops it with one
 * line. (Latchkey's own WAR builds its verifier from its signing key instead and leaves this class out.)
 */
@ApplicationScoped
public class ConsumerConfiguration {

    private static final Logger LOG = Logger.getLogger(ConsumerConfiguration.class.getName());

    @Inject
    Config config;

    void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            read(ConfigValues.of(config));
        } catch (IllegalStateException e) {
            LOG.severe("Latchkey consumer refuses to start: " + e.getMessage());
            throw e;
        }
    }

    @Produces
    @Singleton
    ConsumerSettings settings() {
        return read(ConfigValues.of(config));
    }

    @Produces
    @Singleton
    TokenVerifier verifier(ConsumerSettings settings) {
        return settings.verifier();
    }

    /**
     * The consumer's settings. Over HTTPS ({@code latchkey.cookie.secure}, default true) only the {@code __Secure-}
     * cookie name is read: an unprefixed one can be planted by any sibling subdomain.
     */
    public static ConsumerSettings read(ConfigValues values) {
        boolean secure = values.bool("latchkey.cookie.secure", true);
        List<String> cookieNames = values.list("latchkey.cookie.access-name",
                secure ? "__Secure-latchkey.access" : "latchkey.access");
        if (secure) {
            cookieNames.stream().filter(name -> !name.startsWith("__Secure-")).findFirst().ifPresent(name -> {
                throw new IllegalStateException("latchkey.cookie.access-name has '" + name + "' but cookies are Secure"
                        + " (latchkey.cookie.secure); set names starting with __Secure-, which no sibling subdomain can plant.");
            });
        }
        return new ConsumerSettings(values.text("JWT_SIGNING_KEY").orElse(""), values.list("latchkey.jwt.algorithms", "HS512"),
                values.duration("latchkey.jwt.leeway", "PT10S"), values.text("latchkey.jwt.issuer"),
                values.text("latchkey.jwt.audience"), cookieNames, values.text("latchkey.login-url"),
                values.integer("latchkey.verifier.cache-size", 10_000, 0, 10_000_000), values.text("latchkey.jwks-url"),
                values.duration("latchkey.jwks.cache", "PT10M"), values.duration("latchkey.jwks.min-refresh", "PT30S"));
    }
}
