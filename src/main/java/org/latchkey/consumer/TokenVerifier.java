package org.latchkey.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;

/**
 * Verifies tokens shaped as djangorestframework-simplejwt 5 shapes them: an HMAC signature by an algorithm on the
 * allow-list, {@code exp} (RFC 7519 §4.1.4) within the leeway, a {@code jti}, the expected {@code token_type},
 * and {@code iss}/{@code aud} when configured. Immutable and thread-safe, like the jose4j consumer it wraps.
 */
public final class TokenVerifier {

    /** Cookies are at most ~4 KB; anything far larger is refused before it is parsed. */
    static final int MAX_TOKEN_LENGTH = 8192;

    private final JwtConsumer consumer;
    private final Optional<FastPath> fastPath;
    private final long leewayMillis;
    private final int cacheSize;
    /**
     * Verified access tokens by their whole string (never a prefix or the claims), so the cookie a person sends on
     * every request is checked cryptographically once. A hit still checks expiry; the map is cleared when full.
     */
    private final Map<String, Verified> cache = new ConcurrentHashMap<>();

    private record Verified(LatchkeyUser user, long expiresAtMillis) {
    }

    /**
     * @param key        the shared HMAC key; jose4j refuses keys shorter than the algorithm's hash (RFC 7518 §3.2)
     * @param algorithms the allow-list, e.g. {@code HS512}; {@code none} can never be on it
     * @param leewaySeconds allowed clock skew for {@code exp} and {@code nbf}
     */
    public TokenVerifier(byte[] key, String[] algorithms, int leewaySeconds,
                         Optional<String> issuer, Optional<String> audience, int cacheSize) {
        this(key, algorithms, leewaySeconds, issuer, audience, cacheSize, true);
    }

    /** With {@code fast} false, jose4j checks every token (tests compare the two paths). */
    TokenVerifier(byte[] key, String[] algorithms, int leewaySeconds, Optional<String> issuer,
                  Optional<String> audience, int cacheSize, boolean fast) {
        this(consumer(b -> b.setVerificationKey(new HmacKey(key.clone())), hmacOnly(algorithms), leewaySeconds,
                issuer, audience), fast ? FastPath.create(key, algorithms, leewaySeconds, issuer.isPresent()
                || audience.isPresent()) : Optional.empty(), leewaySeconds, cacheSize);
    }

    private TokenVerifier(JwtConsumer consumer, Optional<FastPath> fastPath, int leewaySeconds, int cacheSize) {
        this.consumer = consumer;
        this.fastPath = fastPath;
        this.leewayMillis = leewaySeconds * 1000L;
        this.cacheSize = cacheSize;
    }

    /**
     * Verifies tokens signed with asymmetric keys (RS256, ES256, EdDSA …), the key chosen by the token's {@code kid}
     * from {@code keys} — a fixed set, or a JWKS fetched from Latchkey ({@link #jwks}).
     */
    public static TokenVerifier withKeys(VerificationKeyResolver keys, String[] algorithms, int leewaySeconds,
                                         Optional<String> issuer, Optional<String> audience, int cacheSize) {
        for (String algorithm : algorithms) {
            if (algorithm.startsWith("HS") || algorithm.equalsIgnoreCase("none")) {
                // a public key must never be usable as an HMAC secret (the classic algorithm confusion)
                throw new IllegalArgumentException("A public key verifies only asymmetric algorithms, not " + algorithm);
            }
        }
        return new TokenVerifier(consumer(b -> b.setVerificationKeyResolver(keys), algorithms, leewaySeconds, issuer,
                audience), Optional.empty(), leewaySeconds, cacheSize);
    }

    /**
     * Keys from Latchkey's JWKS at {@code url}: cached for {@code cacheFor} (or as the response's Cache-Control
     * says), fetched again when a token names an unknown {@code kid} — but never more often than once per
     * {@code minRefresh}, so a flood of made-up kids costs the auth service at most one request per interval.
     */
    public static TokenVerifier jwks(String url, Duration cacheFor, Duration minRefresh, String[] algorithms,
                                     int leewaySeconds, Optional<String> issuer, Optional<String> audience, int cacheSize) {
        HttpsJwks jwks = new HttpsJwks(url);
        jwks.setDefaultCacheDuration(cacheFor.toSeconds());
        jwks.setRefreshReprieveThreshold(minRefresh.toMillis());
        jwks.setRetainCacheOnErrorDuration(cacheFor.toSeconds()); // the auth service briefly away: keep what we have
        return withKeys(new HttpsJwksVerificationKeyResolver(jwks), algorithms, leewaySeconds, issuer, audience, cacheSize);
    }

    private static String[] hmacOnly(String[] algorithms) {
        for (String algorithm : algorithms) {
            if (!algorithm.startsWith("HS")) {
                throw new IllegalArgumentException("Only HMAC algorithms verify with a shared key, not " + algorithm);
            }
        }
        return algorithms;
    }

    private static JwtConsumer consumer(java.util.function.Consumer<JwtConsumerBuilder> key, String[] algorithms,
                                        int leewaySeconds, Optional<String> issuer, Optional<String> audience) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithms)
                .setRequireExpirationTime()
                .setRequireJwtId()
                .setAllowedClockSkewInSeconds(leewaySeconds);
        key.accept(builder);
        issuer.ifPresentOrElse(iss -> builder.setExpectedIssuer(true, iss), () -> builder.setExpectedIssuer(false, null));
        audience.ifPresentOrElse(builder::setExpectedAudience, builder::setSkipDefaultAudienceValidation);
        return builder.build();
    }

    boolean hasFastPath() {
        return fastPath.isPresent();
    }

    public static TokenVerifier hs512(String key, int leewaySeconds) {
        return new TokenVerifier(key.getBytes(StandardCharsets.UTF_8), new String[] {"HS512"}, leewaySeconds,
                Optional.empty(), Optional.empty(), 0);
    }

    /** Verifies an access token and reads the person from it. */
    public LatchkeyUser verifyAccess(String raw) throws TokenRejectedException {
        if (cacheSize > 0 && raw != null) {
            Verified hit = cache.get(raw);
            if (hit != null) {
                if (System.currentTimeMillis() < hit.expiresAtMillis() + leewayMillis) {
                    return hit.user();
                }
                cache.remove(raw);
                throw new TokenRejectedException("token expired");
            }
        }
        Optional<FastPath.Accepted> fast = raw == null || raw.length() > MAX_TOKEN_LENGTH ? Optional.empty()
                : fastPath.flatMap(f -> f.verify(raw));
        if (fast.isPresent()) {
            remember(raw, fast.get().user(), fast.get().expiresAt());
            return fast.get().user();
        }
        JwtClaims claims = verify(raw, "access");
        LatchkeyUser user = person(claims);
        remember(raw, user, expiryMillis(claims) / 1000);
        return user;
    }

    private void remember(String raw, LatchkeyUser user, long expiresAtSeconds) {
        if (cacheSize > 0) {
            if (cache.size() >= cacheSize) {
                cache.clear();
            }
            cache.put(raw, new Verified(user, expiresAtSeconds * 1000));
        }
    }

    private static long expiryMillis(JwtClaims claims) {
        try {
            return claims.getExpirationTime().getValueInMillis();
        } catch (MalformedClaimException e) {
            return 0; // cannot happen after verification, which requires a numeric exp
        }
    }

    private static LatchkeyUser person(JwtClaims claims) throws TokenRejectedException {
        Map<String, Object> map = claims.getClaimsMap();
        Object uuid = map.get("user_uuid");
        Object userId = map.get("user_id");
        if (!(uuid instanceof String) || ((String) uuid).isBlank()) {
            throw new TokenRejectedException("access token without user_uuid");
        }
        if (userId == null) {
            throw new TokenRejectedException("access token without user_id");
        }
        return new LatchkeyUser(String.valueOf(userId), (String) uuid, text(map, "user_email"),
                text(map, "user_first_name"), text(map, "user_last_name"),
                Boolean.TRUE.equals(map.get("user_is_staff")), Boolean.TRUE.equals(map.get("user_is_superuser")),
                map.get("iat") instanceof Number iat ? iat.longValue() : 0,
                Boolean.TRUE.equals(map.get("user_email_verified")));
    }

    /** Verifies signature, expiry and {@code jti}, and that {@code token_type} is the expected one. */
    public JwtClaims verify(String raw, String expectedType) throws TokenRejectedException {
        if (raw == null || raw.isEmpty()) {
            throw new TokenRejectedException("no token");
        }
        if (raw.length() > MAX_TOKEN_LENGTH) {
            throw new TokenRejectedException("token of " + raw.length() + " characters is too long");
        }
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(raw);
        } catch (InvalidJwtException e) {
            throw new TokenRejectedException(reason(e), e);
        } catch (RuntimeException e) {
            // jose4j reports most faults as InvalidJwtException; anything else about a hostile string is a refusal too
            throw new TokenRejectedException("unreadable token: " + e.getClass().getSimpleName(), e);
        }
        Object type = claims.getClaimValue("token_type");
        if (!expectedType.equals(type)) {
            throw new TokenRejectedException("token_type is " + type + ", expected " + expectedType);
        }
        try {
            if (claims.getJwtId() == null || claims.getJwtId().isBlank()) {
                throw new TokenRejectedException("token has no id");
            }
        } catch (MalformedClaimException e) {
            throw new TokenRejectedException("malformed jti", e);
        }
        return claims;
    }

    /** A short reason for logs: never the token or its claims. */
    private static String reason(InvalidJwtException e) {
        if (e.hasExpired()) {
            return "token expired";
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return "invalid signature";
        }
        String details = e.getErrorDetails().stream().map(ErrorCodeValidator.Error::getErrorMessage)
                .collect(Collectors.joining("; "));
        if (details.isEmpty() && e.getCause() != null) {
            details = String.valueOf(e.getCause().getMessage());
        }
        return "invalid token: " + (details.length() > 200 ? details.substring(0, 200) : details);
    }

    private static String text(Map<String, Object> claims, String name) {
        Object value = claims.get(name);
        return value instanceof String s ? s : "";
    }
}
