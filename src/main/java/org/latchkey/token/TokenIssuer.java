package org.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.latchkey.consumer.LatchkeyUser;

/**
 * Signs tokens in simplejwt 5's shape: header {@code {"alg":"HS512","typ":"JWT","kid":...}} (or RS256, ES256,
 * EdDSA with their key's thumbprint as {@code kid}); claims {@code token_type},
 * {@code exp}, {@code iat}, {@code jti} (uuid4 hex, 32 characters), {@code user_id}, then for access tokens the
 * article's {@code user_*} claims. Thread-safe.
 */
public final class TokenIssuer {

    private final TokenKeys keys;
    private final TokenSettings settings;

    public TokenIssuer(SigningKey key, TokenSettings settings) {
        this(TokenKeys.hmac(key, settings.algorithm()), settings);
    }

    public TokenIssuer(TokenKeys keys, TokenSettings settings) {
        if (!keys.algorithm().equals(settings.algorithm())) {
            throw new IllegalStateException("keys for " + keys.algorithm() + ", settings for " + settings.algorithm());
        }
        this.keys = keys;
        this.settings = settings;
    }

    public IssuedToken access(TokenClaims person, Instant now) {
        JwtClaims claims = base("access", person.userId(), now, settings.accessLifetime());
        claims.setClaim("user_uuid", person.uuid());
        claims.setClaim("user_email", person.email());
        claims.setClaim("user_is_staff", person.staff());
        claims.setClaim("user_is_superuser", person.superuser());
        claims.setClaim("user_first_name", person.firstName());
        claims.setClaim("user_last_name", person.lastName());
        claims.setClaim("user_email_verified", person.emailVerified()); // simplejwt services ignore claims they do not know
        if (settings.mpJwtClaims()) {
            claims.setSubject(person.uuid());
            claims.setClaim("upn", person.email());
            claims.setStringListClaim("groups", new ArrayList<>(LatchkeyUser.groups(person.staff(), person.superuser())));
        }
        return sign(claims, now, settings.accessLifetime());
    }

    /** A new refresh token: random jti, the configured lifetime, but never past {@code notAfter}. */
    public IssuedToken refresh(long userId, Instant now, Instant notAfter) {
        return refresh(userId, now, notAfter, UUID.randomUUID().toString().replace("-", ""));
    }

    /**
     * The one successor of a rotated refresh token. Its jti is derived from the parent's with the signing key, and
     * its times from the moment of rotation, so minting it again (for a parallel tab inside the grace window)
     * yields the very same token: one parent, one successor.
     */
    public IssuedToken successor(long userId, String parentJti, Instant rotatedAt, Instant notAfter) {
        return refresh(userId, rotatedAt, notAfter, successorJti(parentJti));
    }

    private IssuedToken refresh(long userId, Instant now, Instant notAfter, String jti) {
        Instant start = Instant.ofEpochSecond(now.getEpochSecond());
        Instant end = start.plus(settings.refreshLifetime());
        Duration lifetime = Duration.between(start, end.isAfter(notAfter) ? notAfter : end);
        return sign(base("refresh", userId, start, lifetime, jti), start, lifetime);
    }

    String successorJti(String parentJti) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.secret(), "HmacSHA256"));
            byte[] derived = mac.doFinal(("latchkey refresh successor\0" + parentJti).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(derived, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private JwtClaims base(String type, long userId, Instant now, Duration lifetime) {
        return base(type, userId, now, lifetime, UUID.randomUUID().toString().replace("-", ""));
    }

    private JwtClaims base(String type, long userId, Instant now, Duration lifetime, String jti) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", type);
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setJwtId(jti);
        claims.setClaim("user_id", userId);
        settings.issuer().ifPresent(claims::setIssuer);
        settings.audience().ifPresent(claims::setAudience);
        return claims;
    }

    private IssuedToken sign(JwtClaims claims, Instant now, Duration lifetime) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(keys.algorithm());
        jws.setHeader("typ", "JWT");
        jws.setKeyIdHeaderValue(keys.keyId());
        jws.setPayload(claims.toJson());
        jws.setKey(keys.signingKey());
        try {
            String jti = claims.getJwtId();
            return new IssuedToken(jws.getCompactSerialization(), jti,
                    Instant.ofEpochSecond(now.plus(lifetime).getEpochSecond()), lifetime);
        } catch (JoseException | org.jose4j.jwt.MalformedClaimException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }
}
