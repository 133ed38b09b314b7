package org.latchkey.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a downstream service's settings; the names are the ones Latchkey itself uses, so one set of environment
 * variables serves both. (Latchkey's own WAR builds its verifier from its signing key instead and leaves this
 * class out.)
 */
@ApplicationScoped
public class ConsumerConfiguration {

    @Inject
    @ConfigProperty(name = "JWT_SIGNING_KEY")
    Optional<String> signingKey; // not needed with latchkey.jwks-url

    @Inject
    @ConfigProperty(name = "latchkey.jwt.algorithms", defaultValue = "HS512")
    String algorithms;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.leeway", defaultValue = "PT10S")
    Duration leeway;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.audience")
    Optional<String> audience;

    /** Latchkey's default is {@code __Secure-latchkey.access} over HTTPS and {@code latchkey.access} on plain http. */
    @Inject
    @ConfigProperty(name = "latchkey.cookie.access-name", defaultValue = "__Secure-latchkey.access,latchkey.access")
    String cookieName;

    @Inject
    @ConfigProperty(name = "latchkey.login-url")
    Optional<String> loginUrl;

    @Inject
    @ConfigProperty(name = "latchkey.verifier.cache-size", defaultValue = "10000")
    int cacheSize;

    @Inject
    @ConfigProperty(name = "latchkey.jwks-url")
    Optional<String> jwksUrl;

    @Inject
    @ConfigProperty(name = "latchkey.jwks.cache", defaultValue = "PT10M")
    Duration jwksCache;

    @Inject
    @ConfigProperty(name = "latchkey.jwks.min-refresh", defaultValue = "PT30S")
    Duration jwksMinRefresh;

    @Produces
    @Singleton
    ConsumerSettings settings() {
        return new ConsumerSettings(signingKey.orElse(""), Arrays.stream(algorithms.split(",")).map(String::strip).toList(),
                leeway, issuer, audience, Arrays.stream(cookieName.split(",")).map(String::strip).toList(), loginUrl,
                cacheSize, jwksUrl, jwksCache, jwksMinRefresh);
    }

    @Produces
    @Singleton
    TokenVerifier verifier(ConsumerSettings settings) {
        return settings.verifier();
    }
}
