package org.latchkey.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.consumer.TokenRejectedException;
import org.latchkey.consumer.TokenVerifier;

/** Issuing in simplejwt's shape, verifying, and every refusal the verifier owes. */
class TokenIssuerTest {

    static final TokenClaims ADA = new TokenClaims(42, "6f1c0c1e-8d53-4b55-a6d4-0ad1c1f6a0b7", "ada@example.test",
            "Ada", "Lovelace", true, false);

    private final String key = TestKeys.random();
    private final TokenSettings settings = new TokenSettings("HS512", Duration.ofMinutes(5), Duration.ofDays(5),
            Duration.ZERO, Optional.empty(), Optional.empty());
    private final TokenIssuer issuer = new TokenIssuer(SigningKey.of(key, "test"), settings);
    private final TokenVerifier verifier = TokenVerifier.hs512(key, 0);

    @Test
    void accessTokenHasSimplejwtShape() throws Exception {
        Instant now = Instant.now();
        IssuedToken token = issuer.access(ADA, now);
        String[] parts = token.value().split("\\.");
        assertEquals(3, parts.length);
        Map<String, Object> header = json(parts[0]);
        assertEquals(Map.of("alg", "HS512", "typ", "JWT", "kid",
                org.latchkey.consumer.Tokens.hmacKeyId(key.getBytes(StandardCharsets.UTF_8))), header);
        Map<String, Object> claims = json(parts[1]);
        assertEquals(java.util.List.of("token_type", "exp", "iat", "jti", "user_id", "user_uuid", "user_email",
                "user_is_staff", "user_is_superuser", "user_first_name", "user_last_name", "user_email_verified"),
                java.util.List.copyOf(claims.keySet()));
        assertEquals("access", claims.get("token_type"));
        assertEquals(now.getEpochSecond() + 300, ((Number) claims.get("exp")).longValue());
        assertEquals(now.getEpochSecond(), ((Number) claims.get("iat")).longValue());
        assertTrue(((String) claims.get("jti")).matches("[0-9a-f]{32}"), "jti is uuid4 hex");
        assertEquals(42L, ((Number) claims.get("user_id")).longValue());
        assertEquals(Boolean.TRUE, claims.get("user_is_staff"));
        assertEquals(token.jti(), claims.get("jti"));
    }

    @Test
    void refreshTokenCarriesOnlyTheBaseClaims() throws Exception {
        IssuedToken token = issuer.refresh(42, Instant.now(), Instant.MAX);
        Map<String, Object> claims = json(token.value().split("\\.")[1]);
        assertEquals(java.util.Set.of("token_type", "exp", "iat", "jti", "user_id"), claims.keySet());
        assertEquals("refresh", claims.get("token_type"));
        assertEquals(Duration.ofDays(5), token.lifetime());
    }

    @Test
    void successorIsTheSameTokenWhenMintedAgainAndUnguessableWithoutTheKey() {
        Instant rotatedAt = Instant.now();
        IssuedToken first = issuer.successor(42, "0123456789abcdef0123456789abcdef", rotatedAt, Instant.MAX);
        IssuedToken again = issuer.successor(42, "0123456789abcdef0123456789abcdef", rotatedAt.plusMillis(999 - rotatedAt.getNano() / 1_000_000), Instant.MAX);
        assertEquals(first.value(), again.value(), "a parallel tab gets the very same successor");
        assertTrue(first.jti().matches("[0-9a-f]{32}"));
        IssuedToken otherParent = issuer.successor(42, "ffffffffffffffffffffffffffffffff", rotatedAt, Instant.MAX);
        assertTrue(!otherParent.jti().equals(first.jti()));
        TokenIssuer otherKey = new TokenIssuer(SigningKey.of(TestKeys.random(), "other"), settings);
        assertTrue(!otherKey.successorJti("0123456789abcdef0123456789abcdef").equals(first.jti()));
    }

    @Test
    void refreshNeverOutlivesTheFamily() {
        Instant now = Instant.now();
        IssuedToken capped = issuer.refresh(42, now, now.plus(Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2).toSeconds(), capped.lifetime().toSeconds(), 1);
        assertEquals(Duration.ofDays(5), issuer.refresh(42, now, Instant.MAX).lifetime());
    }

    @Test
    void verifiesItsOwnAccessToken() throws Exception {
        LatchkeyUser user = verifier.verifyAccess(issuer.access(ADA, Instant.now()).value());
        assertEquals(ADA.uuid(), user.uuid());
        assertEquals("42", user.userId());
        assertEquals("ada@example.test", user.email());
        assertEquals("Ada", user.firstName());
        assertEquals("Lovelace", user.lastName());
        assertTrue(user.staff());
        assertEquals(java.util.Set.of("user", "staff"), user.groups());
    }

    @Test
    void refusesAnotherKey() {
        String token = new TokenIssuer(SigningKey.of(TestKeys.random(), "other"), settings).access(ADA, Instant.now()).value();
        assertRefused(token, "signature");
    }

    @Test
    void refusesAlgNone() throws Exception {
        JwtClaims claims = JwtClaims.parse(new String(Base64.getUrlDecoder().decode(
                issuer.access(ADA, Instant.now()).value().split("\\.")[1]), StandardCharsets.UTF_8));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        String unsigned = jws.getCompactSerialization();
        assertTrue(unsigned.endsWith("."), "an unsigned token has an empty signature");
        assertRefused(unsigned, "none");
    }

    @Test
    void refusesHs256WithTheSameKey() throws Exception {
        assertRefused(resign(issuer.access(ADA, Instant.now()).value(), AlgorithmIdentifiers.HMAC_SHA256), "HS256");
    }

    @Test
    void refusesExpiredToken() {
        String token = issuer.access(ADA, Instant.now().minus(Duration.ofMinutes(6))).value();
        assertRefused(token, "expired");
    }

    @Test
    void leewayAcceptsJustExpiredToken() throws Exception {
        String token = issuer.access(ADA, Instant.now().minus(Duration.ofMinutes(5)).minusSeconds(5)).value();
        assertRefused(token, "expired");
        assertEquals(ADA.uuid(), TokenVerifier.hs512(key, 30).verifyAccess(token).uuid());
    }

    @Test
    void refusesTamperedPayload() {
        String[] parts = issuer.access(ADA, Instant.now()).value().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user_is_superuser\":false", "\"user_is_superuser\":true");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertRefused(forged, "signature");
    }

    @Test
    void refusesRefreshTokenAsAccessToken() {
        assertRefused(issuer.refresh(42, Instant.now(), Instant.MAX).value(), "token_type");
    }

    @Test
    void refusesAccessTokenAsRefreshToken() {
        String access = issuer.access(ADA, Instant.now()).value();
        assertThrows(TokenRejectedException.class, () -> verifier.verify(access, "refresh"));
    }

    @Test
    void refusesGarbageEmptyAndHugeValues() {
        assertRefused("", "no token");
        assertRefused("not.a.jwt", "");
        assertRefused("....", "");
        assertRefused("eyJhbGciOiJIUzUxMiJ9.%%%.***", "");
        assertRefused("a".repeat(100_000), "too long");
    }

    @Test
    void refusesTokenWithoutJti() throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", "access");
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setClaim("user_id", 1);
        claims.setClaim("user_uuid", "x");
        assertRefused(sign(claims.toJson(), AlgorithmIdentifiers.HMAC_SHA512), "");
    }

    private void assertRefused(String token, String reasonFragment) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verifyAccess(token));
        assertTrue(e.getMessage().toLowerCase().contains(reasonFragment.toLowerCase()),
                "refusal should mention '" + reasonFragment + "': " + e.getMessage());
    }

    private String resign(String token, String algorithm) throws JoseException {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return sign(payload, algorithm);
    }

    private String sign(String payload, String algorithm) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setHeader("typ", "JWT");
        jws.setKey(new HmacKey(key.getBytes(StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }

    static Map<String, Object> json(String part) throws JoseException {
        return JsonUtil.parseJson(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
    }
}
