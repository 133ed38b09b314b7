package org.latchkey.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.latchkey.consumer.TokenVerifier;

/** Builds the key, settings, issuer and verifier once from MicroProfile Config; a bad setting stops startup. */
@ApplicationScoped
public class TokenConfiguration {

    private static final int VERIFIED_TOKEN_CACHE = 10_000;

    @Inject
    @ConfigProperty(name = "JWT_SIGNING_KEY")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "latchkey.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.algorithm", defaultValue = "HS512")
    String algorithm;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.access-lifetime", defaultValue = "PT5M")
    Duration accessLifetime;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.refresh-lifetime", defaultValue = "P5D")
    Duration refreshLifetime;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.leeway", defaultValue = "PT10S")
    Duration leeway;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.audience")
    Optional<String> audience;

    @Produces
    @Singleton
    SigningKey signingKey() {
        return SigningKey.load(configuredKey.filter(k -> !k.isBlank()), Path.of(dataDir));
    }

    @Produces
    @Singleton
    TokenSettings settings() {
        return new TokenSettings(algorithm, accessLifetime, refreshLifetime, leeway, issuer, audience);
    }

    @Produces
    @Singleton
    TokenIssuer issuer(SigningKey key, TokenSettings settings) {
        return new TokenIssuer(key, settings);
    }

    @Produces
    @Singleton
    TokenVerifier verifier(SigningKey key, TokenSettings settings) {
        return new TokenVerifier(key.bytes(), new String[] {settings.algorithm()}, (int) settings.leeway().toSeconds(),
                settings.issuer(), settings.audience(), VERIFIED_TOKEN_CACHE);
    }
}
