package org.latchkey.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a service needs to trust Latchkey's cookie, from MicroProfile Config (see {@link ConsumerConfiguration}).
 *
 * @param signingKey the key shared with Latchkey ({@code JWT_SIGNING_KEY}), at least 64 bytes; unused with a JWKS
 * @param algorithms the allow-list: HMAC with a shared key; the asymmetric algorithm Latchkey signs with for a JWKS
 * @param cookieNames the access cookie's names, most trusted first (the {@code __Secure-} one a sibling cannot set)
 * @param loginUrl   where a browser without a valid token is sent; without it every refusal is a 401
 * @param cacheSize  verified tokens remembered (whole token string → person), 0 to turn the cache off
 * @param jwksUrl    Latchkey's {@code /.well-known/jwks.json}: verify with its public keys instead of a shared key
 * @param jwksCache  how long fetched keys are used before they are fetched again
 * @param jwksMinRefresh the shortest interval between two fetches caused by an unknown {@code kid}
 */
public record ConsumerSettings(String signingKey, List<String> algorithms, Duration leeway, Optional<String> issuer,
                               Optional<String> audience, List<String> cookieNames, Optional<String> loginUrl,
                               int cacheSize, Optional<String> jwksUrl, Duration jwksCache, Duration jwksMinRefresh) {

    public static final int MIN_KEY_BYTES = 64;
    static final String ASYMMETRIC = "(RS|PS)(256|384|512)|ES(256|384|512)|EdDSA";

    /** With a shared HMAC key (no JWKS). */
    public ConsumerSettings(String signingKey, List<String> algorithms, Duration leeway, Optional<String> issuer,
                            Optional<String> audience, List<String> cookieNames, Optional<String> loginUrl, int cacheSize) {
        this(signingKey, algorithms, leeway, issuer, audience, cookieNames, loginUrl, cacheSize, Optional.empty(),
                Duration.ofMinutes(10), Duration.ofSeconds(30));
    }

    public ConsumerSettings {
        jwksUrl = jwksUrl.filter(u -> !u.isBlank());
        if (jwksUrl.isPresent()) {
            String url = jwksUrl.get();
            if (!url.matches("https?://[^\\s]+")) {
                throw new IllegalStateException("latchkey.jwks-url is '" + url
                        + "'; set it to Latchkey's key set, e.g. https://auth.example.com/.well-known/jwks.json.");
            }
            if (!url.startsWith("https://") && !isLoopback(url)) {
                throw new IllegalStateException("latchkey.jwks-url is '" + url + "', plain http to another host: anyone on"
                        + " the way could hand over their own keys. Set an https:// URL (http only for localhost).");
            }
            if (algorithms.isEmpty() || !algorithms.stream().allMatch(a -> a.matches(ASYMMETRIC))) {
                throw new IllegalStateException("latchkey.jwt.algorithms is " + algorithms + " but keys come from "
                        + "latchkey.jwks-url; set it to the algorithm Latchkey signs with: RS256, ES256 or EdDSA.");
            }
            if (jwksMinRefresh.isNegative() || jwksCache.isNegative() || jwksCache.isZero()) {
                throw new IllegalStateException("latchkey.jwks.cache and latchkey.jwks.min-refresh must be positive"
                        + " ISO-8601 durations such as PT10M and PT30S.");
            }
        }
        int bytes = signingKey == null ? 0 : signingKey.getBytes(StandardCharsets.UTF_8).length;
        if (jwksUrl.isEmpty() && bytes < MIN_KEY_BYTES) {
            throw new IllegalStateException("JWT_SIGNING_KEY is " + bytes + " bytes long; HS512 needs at least "
                    + MIN_KEY_BYTES + ". Set JWT_SIGNING_KEY to the key Latchkey signs with.");
        }
        algorithms = List.copyOf(algorithms);
        cookieNames = List.copyOf(cookieNames);
        if (cookieNames.isEmpty()) {
            throw new IllegalStateException("latchkey.cookie.access-name is empty; set the access cookie's name.");
        }
        if (jwksUrl.isEmpty() && (algorithms.isEmpty() || !algorithms.stream().allMatch(a -> a.matches("HS(256|384|512)")))) {
            throw new IllegalStateException("latchkey.jwt.algorithms is " + algorithms
                    + "; set it to HS512 (default), or a comma-separated list of HS512, HS384, HS256.");
        }
        issuer.ifPresent(i -> requireWord("latchkey.jwt.issuer", i));
        audience.ifPresent(a -> requireWord("latchkey.jwt.audience", a));
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

    private static void requireWord(String name, String value) {
        if (!value.matches("[\\x21-\\x7e]{1,512}")) {
            throw new IllegalStateException(name + " is '" + value + "'; set one word without spaces, such as"
                    + " https://auth.example.com (the same as Latchkey's).");
        }
    }

    /** http://localhost, 127.x.x.x or [::1]: a key set fetched without leaving the machine. */
    static boolean isLoopback(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host != null && (host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public TokenVerifier verifier() {
        if (jwksUrl.isPresent()) {
            return TokenVerifier.jwks(jwksUrl.get(), jwksCache, jwksMinRefresh, algorithms.toArray(String[]::new),
                    (int) leeway.toSeconds(), issuer, audience, cacheSize);
        }
        return new TokenVerifier(signingKey.getBytes(StandardCharsets.UTF_8), algorithms.toArray(String[]::new),
                (int) leeway.toSeconds(), issuer, audience, cacheSize);
    }
}
