package org.latchkey.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Signs tokens in simplejwt 5's shape: header {@code {"alg":"HS512","typ":"JWT"}}; claims {@code token_type},
 * {@code exp}, {@code iat}, {@code jti} (uuid4 hex, 32 characters), {@code user_id}, then for access tokens the
 * article's {@code user_*} claims. Thread-safe.
 */
public final class TokenIssuer {

    private final HmacKey key;
    private final TokenSettings settings;

    public TokenIssuer(SigningKey key, TokenSettings settings) {
        this.key = new HmacKey(key.bytes());
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
        return sign(claims, now, settings.accessLifetime());
    }

    public IssuedToken refresh(long userId, Instant now) {
        return sign(base("refresh", userId, now, settings.refreshLifetime()), now, settings.refreshLifetime());
    }

    private JwtClaims base(String type, long userId, Instant now, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", type);
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString().replace("-", ""));
        claims.setClaim("user_id", userId);
        settings.issuer().ifPresent(claims::setIssuer);
        settings.audience().ifPresent(claims::setAudience);
        return claims;
    }

    private IssuedToken sign(JwtClaims claims, Instant now, Duration lifetime) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(settings.algorithm());
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        try {
            String jti = claims.getJwtId();
            return new IssuedToken(jws.getCompactSerialization(), jti,
                    Instant.ofEpochSecond(now.plus(lifetime).getEpochSecond()), lifetime);
        } catch (JoseException | org.jose4j.jwt.MalformedClaimException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }
}
