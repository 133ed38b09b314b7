package org.latchkey.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/** Device tokens are Latchkey's alone: only its own secret's, of its own type, unexpired, are taken. */
class DeviceTokensTest {

    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    final DeviceTokens tokens = new DeviceTokens(SECRET);

    private static String signed(byte[] key, String alg, JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(alg);
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(key));
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private static JwtClaims claims(String type, Instant exp) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", type);
        claims.setExpirationTime(NumericDate.fromSeconds(exp.getEpochSecond()));
        claims.setJwtId("j1");
        claims.setClaim("user_id", 7);
        claims.setClaim("login", "abc");
        return claims;
    }

    @Test
    void itsOwnTokensAreTakenAndNamePersonAndLogin() throws Exception {
        String raw = tokens.issue(7, "abc", Instant.now(), Duration.ofDays(365));
        JwtClaims claims = tokens.verify(raw).orElseThrow();
        assertEquals(7L, claims.getClaimValue("user_id", Long.class));
        assertEquals("abc", claims.getClaimValue("login"));
        assertTrue(new DeviceTokens(SECRET).verify(raw).isPresent(), "every instance with the same secret takes it");
    }

    @Test
    void anythingElseIsAnUnknownBrowser() throws Exception {
        Instant later = Instant.now().plusSeconds(3600);
        byte[] shared = ("the-shared-signing-key-every-service-holds-".repeat(2)).getBytes(StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), tokens.verify(signed(shared, AlgorithmIdentifiers.HMAC_SHA512, claims("device", later))),
                "signed with the key services hold");
        assertEquals(Optional.empty(), tokens.verify(signed(SECRET, AlgorithmIdentifiers.HMAC_SHA512, claims("device", later))),
                "another algorithm, even with the secret");
        assertEquals(Optional.empty(), tokens.verify(signed(SECRET, AlgorithmIdentifiers.HMAC_SHA256, claims("refresh", later))),
                "another type");
        assertEquals(Optional.empty(), tokens.verify(signed(SECRET, AlgorithmIdentifiers.HMAC_SHA256,
                claims("device", Instant.now().minusSeconds(5)))), "expired");
        String raw = tokens.issue(7, "abc", Instant.now(), Duration.ofDays(1));
        String[] parts = raw.split("\\.");
        String other = tokens.issue(8, "abc", Instant.now(), Duration.ofDays(1)).split("\\.")[1];
        assertEquals(Optional.empty(), tokens.verify(parts[0] + "." + other + "." + parts[2]), "another payload");
        assertEquals(Optional.empty(), tokens.verify("eyJhbGciOiJub25lIn0." + parts[1] + "."), "alg none");
        assertEquals(Optional.empty(), tokens.verify("not a token"));
        assertEquals(Optional.empty(), tokens.verify(null));
        assertEquals(Optional.empty(), tokens.verify("a".repeat(5000)));
        assertEquals(Optional.empty(), new DeviceTokens("another-secret-another-secret-12".getBytes(StandardCharsets.US_ASCII))
                .verify(raw), "another deployment's secret");
    }
}
