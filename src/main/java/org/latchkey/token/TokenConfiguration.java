package org.latchkey.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    @Inject
    @ConfigProperty(name = "latchkey.jwt.private-key")
    Optional<String> privateKeyPem;

    @Inject
    @ConfigProperty(name = "latchkey.jwt.private-key-file")
    Optional<String> privateKeyFile;

    /** Comma-separated PEM files: public keys of earlier signing keys, verified and published until removed. */
    @Inject
    @ConfigProperty(name = "latchkey.jwt.previous-public-keys")
    Optional<String> previousPublicKeys;

    @Produces
    @Singleton
    TokenKeys keys(TokenSettings settings) {
        return TokenKeys.load(settings.algorithm(), configuredKey.filter(k -> !k.isBlank()),
                privateKeyPem.filter(k -> !k.isBlank()), privateKeyFile.filter(k -> !k.isBlank()),
                previousPublicKeys.map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(f -> !f.isEmpty())
                        .toList()).orElse(List.of()), Path.of(dataDir));
    }

    @Inject
    @ConfigProperty(name = "latchkey.jwt.mp-claims", defaultValue = "false")
    boolean mpJwtClaims;

    @Produces
    @Singleton
    TokenSettings settings() {
        return new TokenSettings(algorithm, accessLifetime, refreshLifetime, leeway, issuer, audience, mpJwtClaims);
    }

    @Produces
    @Singleton
    TokenIssuer issuer(TokenKeys keys, TokenSettings settings) {
        return new TokenIssuer(keys, settings);
    }

    @Produces
    @Singleton
    TokenVerifier verifier(TokenKeys keys, TokenSettings settings) {
        return keys.verifier(settings, VERIFIED_TOKEN_CACHE);
    }
}
