package org.latchkey.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/**
 * Device tokens — "this browser signed in as this person before": its sign-in attempts get a budget of their own and
 * its sign-ins no new-device notice — signed with a secret only Latchkey's instances hold, never with the key that
 * signs access tokens: every service on the domain holds that one (HMAC), and a device token minted with it would
 * buy any of them a fresh budget of password guesses per token. The secret (256 random bits) is generated into the
 * database by the first instance that starts and read by every other ({@code host_secret}, V12), so a device token
 * made by one instance is known to all. HS256 only, {@code token_type} {@code device}, an expiry required.
 */
@ApplicationScoped
public class DeviceTokens {

    static final String NAME = "device-token";
    private static final String TYPE = "device";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    private volatile HmacKey key;
    private volatile JwtConsumer consumer;

    public DeviceTokens() {
    }

    /** Outside a container (tests): this secret. */
    public DeviceTokens(byte[] secret) {
        use(secret);
    }

    /**
     * From start-up, after the schema: reads the secret, making it first if no instance has. Two instances starting at
     * once may both try to make it; the one whose insert loses fails here, and start-up asks again, reading the other's.
     */
    @Transactional
    public void load() {
        List<?> found = em.createNativeQuery("SELECT secret FROM host_secret WHERE name = ?1").setParameter(1, NAME)
                .getResultList();
        String secret;
        if (found.isEmpty()) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            em.createNativeQuery("INSERT INTO host_secret (name, secret, created_at) VALUES (?1, ?2, ?3)")
                    .setParameter(1, NAME).setParameter(2, secret).setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                    .executeUpdate();
        } else {
            secret = (String) found.get(0);
        }
        use(Base64.getUrlDecoder().decode(secret));
    }

    private void use(byte[] secret) {
        HmacKey hmac = new HmacKey(secret);
        consumer = new JwtConsumerBuilder().setVerificationKey(hmac).setRequireExpirationTime().setRequireJwtId()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setSkipDefaultAudienceValidation().setRelaxVerificationKeyValidation().build();
        key = hmac;
    }

    /** A device token for this person, naming (a hash of) the address they signed in with. */
    public String issue(long userId, String login, Instant now, Duration lifetime) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", TYPE);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString().replace("-", ""));
        claims.setClaim("user_id", userId);
        claims.setClaim("login", login);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setPayload(claims.toJson());
        jws.setKey(key());
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a device token: " + e.getMessage(), e);
        }
    }

    /** The claims of a device token Latchkey made and that has not expired; empty for anything else. */
    public Optional<JwtClaims> verify(String raw) {
        if (raw == null || raw.length() > 1024) {
            return Optional.empty();
        }
        key();
        try {
            JwtClaims claims = consumer.processToClaims(raw);
            return TYPE.equals(claims.getClaimValue("token_type")) ? Optional.of(claims) : Optional.empty();
        } catch (InvalidJwtException e) {
            return Optional.empty();
        }
    }

    private HmacKey key() {
        HmacKey current = key;
        if (current == null) {
            throw new IllegalStateException("the device-token secret was not loaded at start-up");
        }
        return current;
    }
}
