package org.latchkey.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latchkey.consumer.TokenRejectedException;
import org.latchkey.consumer.TokenVerifier;

/**
 * Verifying with only the published keys: Debian's simplejwt with {@code JWK_URL}, and the consumer jar's JWKS
 * verifier — which must pick up a rotated key by itself, and must not fetch the key set once per made-up kid.
 */
class JwksInteropTest {

    private HttpServer server;
    private final AtomicReference<String> published = new AtomicReference<>("{\"keys\":[]}");
    private final AtomicInteger fetches = new AtomicInteger();
    private String url;

    @BeforeEach
    void serveJwks() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "ES256"}) // simplejwt 5.2.2 does not list EdDSA among its algorithms
    @SuppressWarnings("unchecked")
    void simplejwtVerifiesLatchkeyTokensWithOnlyThePublishedKeys(String algorithm) throws Exception {
        TokenKeys keys = TokenKeys.asymmetric(algorithm, Pem.generate(algorithm), List.of());
        published.set(keys.jwksJson());
        IssuedToken token = new TokenIssuer(keys, TokenKeysTest.settings(algorithm)).access(TokenIssuerTest.ADA, Instant.now());
        Map<String, Object> out = SimplejwtInteropTest.run(Map.of("algorithm", algorithm, "jwk_url", url,
                "token", token.value()), 0);
        assertEquals(Boolean.TRUE, out.get("accepted"));
        assertEquals(keys.keyId(), ((Map<String, Object>) out.get("header")).get("kid"));
        assertEquals(TokenIssuerTest.ADA.uuid(), ((Map<String, Object>) out.get("payload")).get("user_uuid"));

        TokenKeys stranger = TokenKeys.asymmetric(algorithm, Pem.generate(algorithm), List.of());
        String forged = new TokenIssuer(stranger, TokenKeysTest.settings(algorithm)).access(TokenIssuerTest.ADA, Instant.now()).value();
        assertEquals(Boolean.FALSE, SimplejwtInteropTest.run(Map.of("algorithm", algorithm, "jwk_url", url,
                "token", forged), 3).getOrDefault("accepted", Boolean.FALSE));
    }

    @Test
    void theConsumerFollowsARotationAndIsNotHammeredByUnknownKids() throws Exception {
        TokenKeys first = TokenKeys.asymmetric("EdDSA", Pem.generate("EdDSA"), List.of());
        published.set(first.jwksJson());
        TokenVerifier verifier = TokenVerifier.jwks(url, Duration.ofMinutes(10), Duration.ofSeconds(1),
                new String[] {"EdDSA"}, 0, Optional.empty(), Optional.empty(), 0);
        String before = new TokenIssuer(first, TokenKeysTest.settings("EdDSA")).access(TokenIssuerTest.ADA, Instant.now()).value();
        assertEquals(TokenIssuerTest.ADA.uuid(), verifier.verifyAccess(before).uuid());
        assertEquals(1, fetches.get());

        TokenKeys stranger = TokenKeys.asymmetric("EdDSA", Pem.generate("EdDSA"), List.of());
        TokenIssuer forger = new TokenIssuer(stranger, TokenKeysTest.settings("EdDSA"));
        int floodSize = 500;
        for (int i = 0; i < floodSize; i++) {
            String genuine = forger.access(TokenIssuerTest.ADA, Instant.now()).value();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(new String(java.util.Base64.getUrlDecoder().decode(genuine.split("\\.")[1]), StandardCharsets.UTF_8));
            jws.setAlgorithmHeaderValue("EdDSA");
            jws.setKeyIdHeaderValue("bogus-" + i);
            jws.setKey(stranger.signingKey());
            String bogus = jws.getCompactSerialization();
            assertThrows(TokenRejectedException.class, () -> verifier.verifyAccess(bogus));
        }
        System.out.printf("FIGURES jwks: %d tokens with made-up kids cost %d fetches of the key set%n",
                floodSize, fetches.get() - 1);
        assertTrue(fetches.get() <= 3, "at most one fetch per min-refresh interval, not one per kid: " + fetches.get());

        // rotation: Latchkey now signs with a new key and still publishes the old one
        TokenKeys second = TokenKeys.asymmetric("EdDSA", Pem.generate("EdDSA"), List.of(
                Pem.readPublic(publicPem(first), "EdDSA", "first")));
        published.set(second.jwksJson());
        Thread.sleep(1_100); // past min-refresh
        String after = new TokenIssuer(second, TokenKeysTest.settings("EdDSA")).access(TokenIssuerTest.ADA, Instant.now()).value();
        assertEquals(TokenIssuerTest.ADA.uuid(), verifier.verifyAccess(after).uuid(), "the new kid made it fetch again");
        assertEquals(TokenIssuerTest.ADA.uuid(), verifier.verifyAccess(before).uuid(), "old tokens keep working");
    }

    private static String publicPem(TokenKeys keys) throws Exception {
        java.security.PublicKey key = ((org.jose4j.jwk.PublicJsonWebKey) keys.jwks().getJsonWebKeys().get(0)).getPublicKey();
        return "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
