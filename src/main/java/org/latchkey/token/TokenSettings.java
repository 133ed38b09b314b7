package org.latchkey.token;

import java.time.Duration;
import java.util.Optional;

/**
 * Token lifetimes and checks, from MicroProfile Config ({@code latchkey.jwt.*}); simplejwt's defaults from the
 * article: 5 minutes and 5 days, HS512.
 */
public record TokenSettings(String algorithm, Duration accessLifetime, Duration refreshLifetime, Duration leeway,
                            Optional<String> issuer, Optional<String> audience) {

    public TokenSettings {
        if (!algorithm.matches("HS(256|384|512)|RS256|ES256|EdDSA")) {
            throw new IllegalStateException("latchkey.jwt.algorithm is " + algorithm
                    + "; set it to HS512 (default, shared key), HS384, HS256, or RS256, ES256, EdDSA (key pair, JWKS).");
        }
        requirePositive("latchkey.jwt.access-lifetime", accessLifetime);
        requirePositive("latchkey.jwt.refresh-lifetime", refreshLifetime);
        if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalStateException("latchkey.jwt.leeway is " + leeway + "; set it between PT0S and PT5M.");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalStateException(name + " is " + value + "; set it to a positive ISO-8601 duration such as PT5M.");
        }
    }
}
