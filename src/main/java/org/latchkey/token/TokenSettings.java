package org.latchkey.token;

import java.time.Duration;
import java.util.Optional;

/**
 * Token lifetimes and checks, from MicroProfile Config ({@code latchkey.jwt.*}); simplejwt's defaults from the
 * article: 5 minutes and 5 days, HS512. {@code mpJwtClaims} adds what MicroProfile JWT reads: {@code iss} (always
 * when an issuer is set), {@code sub} (the person's uuid), {@code upn} (the email) and {@code groups}.
 */
public record TokenSettings(String algorithm, Duration accessLifetime, Duration refreshLifetime, Duration leeway,
                            Optional<String> issuer, Optional<String> audience, boolean mpJwtClaims) {

    /** Without the MicroProfile JWT claims (simplejwt's shape only). */
    public TokenSettings(String algorithm, Duration accessLifetime, Duration refreshLifetime, Duration leeway,
                         Optional<String> issuer, Optional<String> audience) {
        this(algorithm, accessLifetime, refreshLifetime, leeway, issuer, audience, false);
    }

    public TokenSettings {
        if (mpJwtClaims && issuer.isEmpty()) {
            throw new IllegalStateException("latchkey.jwt.mp-claims is on but MicroProfile JWT needs an issuer:"
                    + " set latchkey.jwt.issuer (e.g. https://auth.example.com), the same as mp.jwt.verify.issuer.");
        }
        if (mpJwtClaims && algorithm.startsWith("HS")) {
            throw new IllegalStateException("latchkey.jwt.mp-claims is on but MicroProfile JWT verifies only public"
                    + " keys: set latchkey.jwt.algorithm to RS256 or ES256.");
        }
        if (!algorithm.matches("HS(256|384|512)|RS256|ES256|EdDSA")) {
            throw new IllegalStateException("latchkey.jwt.algorithm is " + algorithm
                    + "; set it to HS512 (default, shared key), HS384, HS256, or RS256, ES256, EdDSA (key pair, JWKS).");
        }
        issuer.ifPresent(i -> requireWord("latchkey.jwt.issuer", i));
        audience.ifPresent(a -> requireWord("latchkey.jwt.audience", a));
        requirePositive("latchkey.jwt.access-lifetime", accessLifetime);
        requirePositive("latchkey.jwt.refresh-lifetime", refreshLifetime);
        if (accessLifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalStateException("latchkey.jwt.access-lifetime is " + accessLifetime + "; set at most PT1H:"
                    + " every service accepts an access token until it expires, whatever happens at the auth host.");
        }
        if (refreshLifetime.compareTo(accessLifetime) <= 0) {
            throw new IllegalStateException("latchkey.jwt.refresh-lifetime is " + refreshLifetime
                    + ", not longer than the access lifetime " + accessLifetime + "; set it longer (default P5D).");
        }
        if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalStateException("latchkey.jwt.leeway is " + leeway + "; set it between PT0S and PT5M.");
        }
    }

    private static void requireWord(String name, String value) {
        if (!value.matches("[\\x21-\\x7e]{1,512}")) {
            throw new IllegalStateException(name + " is '" + value + "'; set one word without spaces, such as"
                    + " https://auth.example.com.");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalStateException(name + " is " + value + "; set it to a positive ISO-8601 duration such as PT5M.");
        }
    }
}
