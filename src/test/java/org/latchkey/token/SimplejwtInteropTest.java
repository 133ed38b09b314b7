package org.latchkey.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.consumer.TokenVerifier;

/**
 * An independent implementation checks Latchkey's tokens: Debian's djangorestframework-simplejwt and PyJWT under
 * /usr/bin/python3 (installed by .ci/run). simplejwt's AccessToken(raw) must accept them and read every claim with
 * its type; and tokens minted the article's way must pass Latchkey's verifier.
 */
public class SimplejwtInteropTest {

    static final String PYTHON = "/usr/bin/python3";
    static final String SCRIPT = "src/test/python/simplejwt_check.py";

    private final String key = TestKeys.random();
    private final TokenSettings settings = new TokenSettings("HS512", Duration.ofMinutes(5), Duration.ofDays(5),
            Duration.ZERO, Optional.empty(), Optional.empty());
    private final TokenIssuer issuer = new TokenIssuer(SigningKey.of(key, "test"), settings);

    @Test
    @SuppressWarnings("unchecked")
    void simplejwtAcceptsLatchkeyAccessTokenAndSeesEveryClaim() throws Exception {
        TokenClaims person = new TokenClaims(7, "0b4f7f9e-2b0c-4c55-9c38-3f1f5f0c2a11", "grace@example.test",
                "Grace", "Hopper", false, true);
        IssuedToken token = issuer.access(person, Instant.now());
        Map<String, Object> out = run(Map.of("key", key, "token", token.value()), 0);
        assertEquals(Boolean.TRUE, out.get("accepted"));
        assertEquals(Map.of("alg", "HS512", "typ", "JWT", "kid",
                org.latchkey.consumer.Tokens.hmacKeyId(key.getBytes(StandardCharsets.UTF_8))), out.get("header"));
        Map<String, Object> payload = (Map<String, Object>) out.get("payload");
        assertEquals("access", payload.get("token_type"));
        assertEquals(token.jti(), payload.get("jti"));
        assertEquals(7L, ((Number) payload.get("user_id")).longValue());
        assertEquals(person.uuid(), payload.get("user_uuid"));
        assertEquals("grace@example.test", payload.get("user_email"));
        assertEquals("Grace", payload.get("user_first_name"));
        assertEquals("Hopper", payload.get("user_last_name"));
        assertEquals(Boolean.FALSE, payload.get("user_is_staff"));
        assertEquals(Boolean.TRUE, payload.get("user_is_superuser"));
        assertEquals(token.expiresAt().getEpochSecond(), ((Number) payload.get("exp")).longValue());
        Map<String, Object> types = (Map<String, Object>) out.get("types");
        assertEquals(Map.of("token_type", "str", "exp", "int", "iat", "int", "jti", "str", "user_id", "int",
                "user_uuid", "str", "user_email", "str", "user_is_staff", "bool", "user_is_superuser", "bool",
                "user_first_name", "str"), withoutLastName(types));
        assertEquals("str", types.get("user_last_name"));
        assertEquals("bool", types.get("user_email_verified"));
        assertEquals(payload, out.get("pyjwt_payload"), "PyJWT decodes the same claims");
    }

    @Test
    void simplejwtRefusesLatchkeyRefreshTokenAsAccessAndTokensWithAnotherKey() throws Exception {
        IssuedToken refresh = issuer.refresh(7, Instant.now(), Instant.MAX);
        Map<String, Object> out = run(Map.of("key", key, "token", refresh.value()), 3);
        assertEquals(Boolean.FALSE, out.get("accepted"));
        IssuedToken access = issuer.access(TokenIssuerTest.ADA, Instant.now());
        assertEquals(Boolean.FALSE, run(Map.of("key", TestKeys.random(), "token", access.value()), 3).get("accepted"));
        assertEquals(Boolean.TRUE, run(Map.of("key", key, "token", refresh.value(), "kind", "refresh"), 0).get("accepted"));
    }

    @Test
    void latchkeyAcceptsTokensMintedTheArticlesWay() throws Exception {
        Map<String, Object> claims = Map.of("user_id", 12, "user_uuid", "c7b5a0a8-7c1d-4a47-8a52-0f8f7a1e9d10",
                "user_email", "linus@example.test", "user_is_staff", false, "user_is_superuser", false,
                "user_first_name", "Linus", "user_last_name", "Pauling");
        Map<String, Object> minted = run(Map.of("key", key, "mint", claims), 0);
        LatchkeyUser user = TokenVerifier.hs512(key, 0).verifyAccess((String) minted.get("access"));
        assertEquals("12", user.userId());
        assertEquals("c7b5a0a8-7c1d-4a47-8a52-0f8f7a1e9d10", user.uuid());
        assertEquals("linus@example.test", user.email());
        assertEquals("Pauling", user.lastName());
    }

    private static Map<String, Object> withoutLastName(Map<String, Object> types) {
        Map<String, Object> copy = new java.util.HashMap<>(types);
        copy.remove("user_last_name");
        copy.remove("user_email_verified");
        return copy;
    }

    public static Map<String, Object> run(Map<String, Object> request, int expectedExit) throws Exception {
        Process process = new ProcessBuilder(PYTHON, SCRIPT).redirectErrorStream(false).start();
        process.getOutputStream().write(JsonUtil.toJson(request).getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("simplejwt check timed out");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expectedExit, process.exitValue(), "python said: " + out + err
                + " (needs Debian's python3-djangorestframework-simplejwt; .ci/run installs it)");
        assertTrue(!out.isBlank(), err);
        return JsonUtil.parseJson(out);
    }
}
