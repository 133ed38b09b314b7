package org.latchkey.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jose4j.json.JsonUtil;

/**
 * Access tokens an attacker would try, built from a genuine one: algorithm confusion with the real key, alg none,
 * tampering, a stripped signature, expiry and nbf, a refresh token, no jti, another key, key-pointing headers
 * (kid path traversal, jku, x5u, an embedded jwk) signed with the attacker's key, an unknown crit, a 100 KB token,
 * garbage. Every one must be refused.
 */
public final class AttackCorpus {

    private AttackCorpus() {
    }

    /**
     * @param genuine a valid access token signed with {@code key}
     * @param refresh a valid refresh token for the same person
     */
    public static Map<String, String> build(String genuine, String refresh, byte[] key) throws Exception {
        Map<String, Object> claims = JsonUtil.parseJson(decode(genuine.split("\\.")[1]));
        long now = Instant.now().getEpochSecond();
        byte[] attackerKey = "attacker-key-attacker-key-attacker-key-attacker-key-attacker-key!".getBytes(StandardCharsets.UTF_8);
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("alg none", part(Map.of("alg", "none", "typ", "JWT")) + "." + part(claims) + ".");
        corpus.put("HS256 with the same key", sign(header("HS256"), claims, key));
        corpus.put("HS384 with the same key", sign(header("HS384"), claims, key));
        Map<String, Object> superuser = new LinkedHashMap<>(claims);
        superuser.put("user_is_superuser", true);
        String[] parts = genuine.split("\\.");
        corpus.put("tampered payload, original signature", parts[0] + "." + part(superuser) + "." + parts[2]);
        corpus.put("stripped signature", parts[0] + "." + parts[1] + ".");
        corpus.put("expired", sign(header("HS512"), with(claims, "exp", now - 60), key));
        corpus.put("nbf in the future", sign(header("HS512"), with(claims, "nbf", now + 3600), key));
        corpus.put("refresh token as access token", refresh);
        Map<String, Object> noJti = new LinkedHashMap<>(claims);
        noJti.remove("jti");
        corpus.put("missing jti", sign(header("HS512"), noJti, key));
        corpus.put("wrong key", sign(header("HS512"), claims, attackerKey));
        corpus.put("kid path traversal", sign(with(header("HS512"), "kid", "../../../../dev/null"), claims, new byte[64]));
        corpus.put("jku to the attacker", sign(with(header("HS512"), "jku", "https://evil.example/jwks.json"), claims, attackerKey));
        corpus.put("x5u to the attacker", sign(with(header("HS512"), "x5u", "https://evil.example/cert.pem"), claims, attackerKey));
        corpus.put("embedded jwk", sign(with(header("HS512"), "jwk", Map.of("kty", "oct",
                "k", Base64.getUrlEncoder().withoutPadding().encodeToString(attackerKey))), claims, attackerKey));
        corpus.put("unknown crit", sign(with(with(header("HS512"), "crit", List.of("x-latchkey")), "x-latchkey", 1), claims, key));
        corpus.put("100 KB token", sign(header("HS512"), with(claims, "padding", "x".repeat(100_000)), key));
        corpus.put("garbage", "garbage");
        corpus.put("three dots", "...");
        corpus.put("base64 of nothing useful", "e30.e30.e30");
        return corpus;
    }

    private static Map<String, Object> header(String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        return header;
    }

    private static Map<String, Object> with(Map<String, Object> map, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(name, value);
        return copy;
    }

    private static String sign(Map<String, Object> header, Map<String, Object> claims, byte[] key) throws Exception {
        String input = part(header) + "." + part(claims);
        String algorithm = "Hmac" + ((String) header.get("alg")).replace("HS", "SHA");
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String part(Map<String, ?> json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JsonUtil.toJson(json).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
