package org.latchkey.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latchkey.consumer.TokenRejectedException;
import org.latchkey.consumer.TokenVerifier;

/** Asymmetric signing: RS256, ES256, EdDSA keys, kid, the JWKS, rotation, and every way a key can be wrong. */
class TokenKeysTest {

    @TempDir
    Path dir;

    static TokenSettings settings(String algorithm) {
        return new TokenSettings(algorithm, Duration.ofMinutes(5), Duration.ofDays(5), Duration.ZERO, Optional.empty(),
                Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void signsWithTheKeyItNamesAndPublishesOnlyThePublicHalf(String algorithm) throws Exception {
        TokenKeys keys = TokenKeys.asymmetric(algorithm, Pem.generate(algorithm), List.of());
        String token = new TokenIssuer(keys, settings(algorithm)).access(TokenIssuerTest.ADA, Instant.now()).value();
        Map<String, Object> header = TokenIssuerTest.json(token.split("\\.")[0]);
        assertEquals(Map.of("alg", algorithm, "typ", "JWT", "kid", keys.keyId()), header);
        assertEquals(TokenIssuerTest.ADA.uuid(), keys.verifier(settings(algorithm), 0).verifyAccess(token).uuid());

        String jwks = keys.jwksJson();
        assertTrue(jwks.contains("\"kid\":\"" + keys.keyId() + "\""), jwks);
        assertTrue(jwks.contains("\"alg\":\"" + algorithm + "\"") && jwks.contains("\"use\":\"sig\""), jwks);
        for (String privateMember : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
            assertFalse(jwks.contains(privateMember), "no private key material in the JWKS: " + jwks);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256", "EdDSA"})
    void rotationKeepsOldTokensValidAndAnUnknownKeyIsRefused(String algorithm) throws Exception {
        KeyPair old = Pem.generate(algorithm);
        TokenKeys before = TokenKeys.asymmetric(algorithm, old, List.of());
        String oldToken = new TokenIssuer(before, settings(algorithm)).access(TokenIssuerTest.ADA, Instant.now()).value();

        TokenKeys after = TokenKeys.asymmetric(algorithm, Pem.generate(algorithm), List.of(old.getPublic()));
        String newToken = new TokenIssuer(after, settings(algorithm)).access(TokenIssuerTest.ADA, Instant.now()).value();
        TokenVerifier verifier = after.verifier(settings(algorithm), 0);
        assertEquals(TokenIssuerTest.ADA.uuid(), verifier.verifyAccess(oldToken).uuid(), "the previous key still verifies");
        assertEquals(TokenIssuerTest.ADA.uuid(), verifier.verifyAccess(newToken).uuid());
        assertTrue(after.jwksJson().contains(before.keyId()) && after.jwksJson().contains(after.keyId()));

        TokenKeys dropped = TokenKeys.asymmetric(algorithm, Pem.generate(algorithm), List.of());
        assertThrows(TokenRejectedException.class, () -> dropped.verifier(settings(algorithm), 0).verifyAccess(oldToken),
                "once the previous key is removed, its tokens are refused");
    }

    @Test
    void aPublicKeyUsedAsAnHmacSecretIsRefused() throws Exception {
        KeyPair pair = Pem.generate("RS256");
        TokenKeys keys = TokenKeys.asymmetric("RS256", pair, List.of());
        String genuine = new TokenIssuer(keys, settings("RS256")).access(TokenIssuerTest.ADA, Instant.now()).value();
        JsonWebSignature forged = new JsonWebSignature();
        forged.setPayload(new String(Base64.getUrlDecoder().decode(genuine.split("\\.")[1]), StandardCharsets.UTF_8));
        forged.setAlgorithmHeaderValue("HS256");
        forged.setKeyIdHeaderValue(keys.keyId());
        forged.setKey(new HmacKey(keys.jwksJson().getBytes(StandardCharsets.UTF_8)));
        forged.setDoKeyValidation(false);
        String confused = forged.getCompactSerialization();
        assertThrows(TokenRejectedException.class, () -> keys.verifier(settings("RS256"), 0).verifyAccess(confused));
        assertThrows(IllegalArgumentException.class, () -> TokenVerifier.withKeys(null, new String[] {"HS256"}, 0,
                Optional.empty(), Optional.empty(), 0), "HMAC can never be allowed with public keys");
    }

    @Test
    void aGeneratedKeyIsKeptPrivatelyAndReusedAfterARestart() throws Exception {
        TokenKeys first = TokenKeys.load("ES256", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), dir);
        Path file = dir.resolve("jwt-es256.pem");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        TokenKeys again = TokenKeys.load("ES256", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), dir);
        assertEquals(first.keyId(), again.keyId());
        TokenKeys fromText = TokenKeys.load("ES256", Optional.empty(), Optional.of(Files.readString(file)), Optional.empty(),
                List.of(), Files.createTempDirectory(dir, "other"));
        assertEquals(first.keyId(), fromText.keyId(), "the same PEM given as text");
        assertFalse(Files.exists(dir.resolve("jwt-signing.key")), "no HMAC key is made for an asymmetric algorithm");
    }

    @Test
    void unsafeOrBrokenKeysStopStartupWithTheCommandToRun() throws Exception {
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        String weak = Pem.write(small.generateKeyPair());
        assertTrue(refusal("RS256", weak).contains("2048"));

        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        assertTrue(refusal("ES256", Pem.write(p384.generateKeyPair())).contains("P-256"));

        KeyPair one = Pem.generate("EdDSA");
        KeyPair two = Pem.generate("EdDSA");
        String mismatched = Pem.write(new KeyPair(two.getPublic(), one.getPrivate()));
        assertTrue(refusal("EdDSA", mismatched).contains("does not belong"));

        String privateOnly = Pem.write(Pem.generate("ES256")).replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "");
        assertTrue(refusal("ES256", privateOnly).contains("openssl pkey"));
        assertTrue(refusal("RS256", "not a key at all").contains("openssl genpkey"));
        assertTrue(refusal("RS256", Pem.write(Pem.generate("EdDSA"))).contains("does not hold a RS256"));
        String rsaWithoutPublic = Pem.write(Pem.generate("RS256")).replaceAll("(?s)-----BEGIN PUBLIC KEY-----.*", "");
        assertEquals(43, TokenKeys.asymmetric("RS256", Pem.readPair(rsaWithoutPublic, "RS256", "t"), List.of()).keyId()
                .length(), "an RSA public key is derived from the private key (kid: a SHA-256 thumbprint)");
        assertThrows(IllegalStateException.class, () -> TokenKeys.load("RS256", Optional.empty(), Optional.empty(),
                Optional.of(dir.resolve("missing.pem").toString()), List.of(), dir));
    }

    private String refusal(String algorithm, String pem) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TokenKeys.load(algorithm,
                Optional.empty(), Optional.of(pem), Optional.empty(), List.of(), dir));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }
}
