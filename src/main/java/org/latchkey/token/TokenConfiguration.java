package org.latchkey.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.consumer.TokenVerifier;

/**
 * Builds the key, settings, issuer and verifier once from MicroProfile Config; a bad setting stops startup (the
 * static readers are what {@code startup.Settings} checks at deployment).
 */
@ApplicationScoped
public class TokenConfiguration {

    private static final int VERIFIED_TOKEN_CACHE = 10_000;

    @Inject
    Config config;

    @Produces
    @Singleton
    TokenSettings settings() {
        return settings(ConfigValues.of(config));
    }

    @Produces
    @Singleton
    TokenKeys keys(TokenSettings settings) {
        return keys(ConfigValues.of(config), settings);
    }

    public static TokenSettings settings(ConfigValues values) {
        return new TokenSettings(values.text("latchkey.jwt.algorithm", "HS512"),
                values.duration("latchkey.jwt.access-lifetime", "PT5M"),
                values.duration("latchkey.jwt.refresh-lifetime", "P5D"), values.duration("latchkey.jwt.leeway", "PT10S"),
                values.text("latchkey.jwt.issuer"), values.text("latchkey.jwt.audience"),
                values.bool("latchkey.jwt.mp-claims", false));
    }

    /** The signing keys: every key setting is read (and checked) whichever algorithm is chosen. */
    public static TokenKeys keys(ConfigValues values, TokenSettings settings) {
        Optional<String> hmacKey = values.text("JWT_SIGNING_KEY");
        Optional<String> pem = values.text("latchkey.jwt.private-key");
        Optional<String> pemFile = values.text("latchkey.jwt.private-key-file");
        List<String> previous = values.list("latchkey.jwt.previous-public-keys", "");
        Path dataDir = dataDir(values);
        boolean hmac = settings.algorithm().startsWith("HS");
        if (hmac && (pem.isPresent() || pemFile.isPresent() || !previous.isEmpty())) {
            throw new IllegalStateException("latchkey.jwt.private-key, private-key-file or previous-public-keys is set"
                    + " but latchkey.jwt.algorithm is " + settings.algorithm() + " (a shared key); set the algorithm"
                    + " to RS256, ES256 or EdDSA, or remove the key pair settings.");
        }
        if (pem.isPresent() && pemFile.isPresent()) {
            throw new IllegalStateException("latchkey.jwt.private-key and latchkey.jwt.private-key-file are both set;"
                    + " set one of them.");
        }
        return TokenKeys.load(settings.algorithm(), hmacKey, pem, pemFile, previous, dataDir);
    }

    /** Where the embedded database and generated keys live: an absolute path (default ~/.latchkey). */
    public static Path dataDir(ConfigValues values) {
        String raw = values.text("latchkey.data.dir", System.getProperty("user.home") + "/.latchkey");
        try {
            Path dir = Path.of(raw);
            if (dir.isAbsolute() && !raw.contains("${")) {
                return dir;
            }
        } catch (InvalidPathException e) {
            // refused below
        }
        throw ConfigValues.refused("latchkey.data.dir", raw, "an absolute directory path such as /var/lib/latchkey");
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
