package org.latchkey.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jose4j.json.JsonUtil;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/**
 * The fast path may only ever accept what jose4j accepts: a corpus of valid and subtly invalid tokens, all signed
 * with the right key, goes through both; whatever the fast path accepts, the jose4j-only verifier must accept with
 * the same person. And the common token must take the fast path, or it would be dead code.
 */
class FastPathTest {

    private final byte[] key = randomKey();
    private final String[] hs512 = {"HS512"};
    private final TokenVerifier joseOnly = new TokenVerifier(key, hs512, 0, Optional.empty(), Optional.empty(), 0, false);
    private final FastPath fast = FastPath.create(key, hs512, 0, false).orElseThrow();

    @Test
    void fastPathAcceptsOnlyWhatJose4jAccepts() throws Exception {
        List<String> disagreements = new ArrayList<>();
        int acceptedFast = 0;
        for (Map.Entry<String, String> entry : corpus().entrySet()) {
            String token = entry.getValue();
            Optional<FastPath.Accepted> quick = fast.verify(token);
            LatchkeyUser jose;
            try {
                jose = joseOnly.verifyAccess(token);
            } catch (TokenRejectedException e) {
                jose = null;
            }
            if (quick.isPresent()) {
                acceptedFast++;
                if (!quick.get().user().equals(jose)) {
                    disagreements.add(entry.getKey() + ": fast " + quick.get().user() + " vs jose4j " + jose);
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(acceptedFast >= 3, "the ordinary tokens take the fast path: " + acceptedFast);
    }

    @Test
    void theOrdinaryTokenTakesTheFastPath() throws Exception {
        assertTrue(fast.verify(sign(header("HS512"), claims(c -> { }))).isPresent());
        Map<String, Object> withKid = new LinkedHashMap<>(header("HS512"));
        withKid.put("kid", Tokens.hmacKeyId(key));
        assertTrue(fast.verify(sign(withKid, claims(c -> { }))).isPresent(), "Latchkey's header, with its kid");
        withKid.put("kid", "another-key");
        assertTrue(fast.verify(sign(withKid, claims(c -> { }))).isEmpty(), "any other kid goes to jose4j");
        assertTrue(TokenVerifier.hs512(new String(key, StandardCharsets.UTF_8), 0).hasFastPath());
        assertTrue(FastPath.create(key, hs512, 0, true).isEmpty(), "issuer/audience checks always go to jose4j");
    }

    private Map<String, String> corpus() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        Map<String, String> tokens = new LinkedHashMap<>();
        Map<String, Object> h = header("HS512");
        tokens.put("valid", sign(h, claims(c -> { })));
        tokens.put("valid string user_id", sign(h, claims(c -> c.put("user_id", "42"))));
        tokens.put("valid with nbf", sign(h, claims(c -> c.put("nbf", now - 5))));
        tokens.put("valid extra claims", sign(h, claims(c -> c.put("scope", List.of("a")))));
        tokens.put("expired", sign(h, claims(c -> c.put("exp", now - 1))));
        tokens.put("expires now", sign(h, claims(c -> c.put("exp", now))));
        tokens.put("exp as string", sign(h, claims(c -> c.put("exp", String.valueOf(now + 300)))));
        tokens.put("exp as decimal", sign(h, claims(c -> c.put("exp", now + 300.5))));
        tokens.put("no exp", sign(h, claims(c -> c.remove("exp"))));
        tokens.put("nbf future", sign(h, claims(c -> c.put("nbf", now + 60))));
        tokens.put("nbf string", sign(h, claims(c -> c.put("nbf", "0"))));
        tokens.put("iat string", sign(h, claims(c -> c.put("iat", "yesterday"))));
        tokens.put("no jti", sign(h, claims(c -> c.remove("jti"))));
        tokens.put("jti number", sign(h, claims(c -> c.put("jti", 7))));
        tokens.put("jti empty", sign(h, claims(c -> c.put("jti", ""))));
        tokens.put("refresh type", sign(h, claims(c -> c.put("token_type", "refresh"))));
        tokens.put("no type", sign(h, claims(c -> c.remove("token_type"))));
        tokens.put("no uuid", sign(h, claims(c -> c.remove("user_uuid"))));
        tokens.put("uuid number", sign(h, claims(c -> c.put("user_uuid", 5))));
        tokens.put("no user_id", sign(h, claims(c -> c.remove("user_id"))));
        tokens.put("iss number", sign(h, claims(c -> c.put("iss", 1))));
        tokens.put("sub number", sign(h, claims(c -> c.put("sub", 1))));
        tokens.put("aud present", sign(h, claims(c -> c.put("aud", "someone"))));
        tokens.put("typ jwt lowercase", sign(Map.of("alg", "HS512", "typ", "jwt"), claims(c -> { })));
        tokens.put("kid header", sign(Map.of("alg", "HS512", "typ", "JWT", "kid", "../../etc/passwd"), claims(c -> { })));
        tokens.put("crit header", sign(Map.of("alg", "HS512", "typ", "JWT", "crit", List.of("exp")), claims(c -> { })));
        tokens.put("HS256", sign(header("HS256"), claims(c -> { })));
        String valid = tokens.get("valid");
        tokens.put("padded signature", valid + "==");
        tokens.put("stripped signature", valid.substring(0, valid.lastIndexOf('.') + 1));
        tokens.put("four segments", valid + ".x");
        tokens.put("payload not json", sign(h, "not json"));
        tokens.put("payload array", sign(h, "[1,2]"));
        tokens.put("duplicate exp", sign(h, JsonUtil.toJson(claims(c -> { })).replaceFirst("\\{", "{\"exp\":1,")));
        return tokens;
    }

    private Map<String, Object> claims(Consumer<Map<String, Object>> change) {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("token_type", "access");
        claims.put("exp", now + 300);
        claims.put("iat", now);
        claims.put("jti", "0123456789abcdef0123456789abcdef");
        claims.put("user_id", 42);
        claims.put("user_uuid", "6f1c0c1e-8d53-4b55-a6d4-0ad1c1f6a0b7");
        claims.put("user_email", "ada@example.test");
        claims.put("user_is_staff", true);
        claims.put("user_is_superuser", false);
        claims.put("user_first_name", "Ada");
        claims.put("user_last_name", "Lovelace");
        change.accept(claims);
        return claims;
    }

    private static Map<String, Object> header(String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        return header;
    }

    private String sign(Map<String, ?> header, Map<String, Object> claims) throws Exception {
        return sign(header, JsonUtil.toJson(claims));
    }

    private String sign(Map<String, ?> header, String payload) throws Exception {
        String encodedHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(JsonUtil.toJson(header).getBytes(StandardCharsets.UTF_8));
        String encodedPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        String input = encodedHeader + "." + encodedPayload;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("Hmac" + ((String) header.get("alg")).replace("HS", "SHA"));
        mac.init(new javax.crypto.spec.SecretKeySpec(new HmacKey(key).getEncoded(), mac.getAlgorithm()));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] randomKey() {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
    }
}
