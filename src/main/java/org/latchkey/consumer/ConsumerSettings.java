package org.latchkey.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a service needs to trust Latchkey's cookie, from MicroProfile Config (see {@link ConsumerConfiguration}).
 *
 * @param signingKey the key shared with Latchkey ({@code JWT_SIGNING_KEY}), at least 64 bytes
 * @param algorithms the allow-list; HMAC only, because a shared key verifies nothing else
 * @param cookieNames the access cookie's names, most trusted first (the {@code __Secure-} one a sibling cannot set)
 * @param loginUrl   where a browser without a valid token is sent; without it every refusal is a 401
 * @param cacheSize  verified tokens remembered (whole token string → person), 0 to turn the cache off
 */
public record ConsumerSettings(String signingKey, List<String> algorithms, Duration leeway, Optional<String> issuer,
                               Optional<String> audience, List<String> cookieNames, Optional<String> loginUrl,
                               int cacheSize) {

    public static final int MIN_KEY_BYTES = 64;

    public ConsumerSettings {
        int bytes = signingKey == null ? 0 : signingKey.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_KEY_BYTES) {
            throw new IllegalStateException("JWT_SIGNING_KEY is " + bytes + " bytes long; HS512 needs at least "
                    + MIN_KEY_BYTES + ". Set JWT_SIGNING_KEY to the key Latchkey signs with.");
        }
        algorithms = List.copyOf(algorithms);
        cookieNames = List.copyOf(cookieNames);
        if (cookieNames.isEmpty()) {
            throw new IllegalStateException("latchkey.cookie.access-name is empty; set the access cookie's name.");
        }
        if (algorithms.isEmpty() || !algorithms.stream().allMatch(a -> a.matches("HS(256|384|512)"))) {
            throw new IllegalStateException("latchkey.jwt.algorithms is " + algorithms
                    + "; set it to HS512 (default), or a comma-separated list of HS512, HS384, HS256.");
        }
        if (leeway.isNegative() || leeway.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalStateException("latchkey.jwt.leeway is " + leeway + "; set it between PT0S and PT5M.");
        }
        if (cacheSize < 0) {
            throw new IllegalStateException("latchkey.verifier.cache-size is " + cacheSize + "; set 0 (off) or more.");
        }
        loginUrl.ifPresent(url -> {
            if (!url.matches("https?://[^\\s]+")) {
                throw new IllegalStateException("latchkey.login-url is '" + url
                        + "'; set it to Latchkey's login page, e.g. https://auth.example.com/login.");
            }
        });
    }

    public TokenVerifier verifier() {
        return new TokenVerifier(signingKey.getBytes(StandardCharsets.UTF_8), algorithms.toArray(String[]::new),
                (int) leeway.toSeconds(), issuer, audience, cacheSize);
    }
}
