package org.latchkey.consumer;

import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Accepts, quickly, the one shape a valid token takes in practice — and nothing jose4j would refuse. A token is
 * accepted here only if its header segment is byte-for-byte the canonical {@code {"alg":"HS512","typ":"JWT"}} PyJWT
 * writes, or that plus Latchkey's {@code kid} (for an algorithm on the allow-list), its HMAC matches (the JDK's Mac, compared in
 * constant time), and its claims pass checks that are as strict as jose4j's and simplejwt's (exp and nbf within
 * the leeway, a string jti, token_type "access", well-typed registered claims). Anything else — another header, a
 * bad signature, an odd claim, a configured issuer or audience — returns empty, and jose4j decides and says why.
 * jose4j stays the authority; this only spares it the common case (its JSON parsing and per-call Mac lookup cost
 * several times the HMAC itself).
 */
final class FastPath {

    private static final Map<String, String> JCA = Map.of("HS256", "HmacSHA256", "HS384", "HmacSHA384",
            "HS512", "HmacSHA512");

    private final Map<String, ThreadLocal<Mac>> macsByHeader = new HashMap<>();
    private final long leewaySeconds;
    private final JsonReaderFactory json;

    private FastPath(byte[] key, String[] algorithms, long leewaySeconds, JsonReaderFactory json) {
        this.leewaySeconds = leewaySeconds;
        this.json = json;
        String kid = Tokens.hmacKeyId(key);
        for (String algorithm : algorithms) {
            SecretKeySpec spec = new SecretKeySpec(key, JCA.get(algorithm));
            // PyJWT's header, and Latchkey's, which names the key
            for (String headerJson : new String[] {"{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\"}",
                    "{\"alg\":\"" + algorithm + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}"}) {
                String header = Base64.getUrlEncoder().withoutPadding().encodeToString(headerJson.getBytes(StandardCharsets.US_ASCII));
                macsByHeader.put(header, ThreadLocal.withInitial(() -> mac(spec)));
            }
        }
    }

    /** Empty when JSON-P is not available or issuer/audience checks are configured: jose4j then does everything. */
    static Optional<FastPath> create(byte[] key, String[] algorithms, long leewaySeconds, boolean issuerOrAudience) {
        if (issuerOrAudience) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FastPath(key.clone(), algorithms, leewaySeconds,
                    // a claim given twice is not ours to interpret (parsers disagree on which wins): jose4j decides
                    JsonProvider.provider().createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE))));
        } catch (RuntimeException | LinkageError noJsonP) {
            return Optional.empty();
        }
    }

    /** A token this path accepted: the person and the token's {@code exp} in seconds. */
    record Accepted(LatchkeyUser user, long expiresAt) {
    }

    Optional<Accepted> verify(String raw) {
        int first = raw.indexOf('.');
        int second = raw.indexOf('.', first + 1);
        // No padding anywhere (JWS uses none); the decoders below refuse every other character outside base64url.
        if (first < 0 || second < 0 || raw.indexOf('.', second + 1) >= 0 || raw.indexOf('=') >= 0) {
            return Optional.empty();
        }
        ThreadLocal<Mac> mac = macsByHeader.get(raw.substring(0, first));
        if (mac == null) {
            return Optional.empty();
        }
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        Mac hmac = mac.get();
        hmac.update(bytes, 0, second);
        byte[] expected = hmac.doFinal();
        try {
            ByteBuffer signature = Base64.getUrlDecoder().decode(ByteBuffer.wrap(bytes, second + 1, bytes.length - second - 1));
            if (!MessageDigest.isEqual(expected, array(signature))) {
                return Optional.empty();
            }
            ByteBuffer payload = Base64.getUrlDecoder().decode(ByteBuffer.wrap(bytes, first + 1, second - first - 1));
            try (JsonReader reader = json.createReader(new StringReader(
                    new String(payload.array(), 0, payload.limit(), StandardCharsets.UTF_8)))) {
                return person(reader.readObject());
            }
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private Optional<Accepted> person(JsonObject claims) {
        long now = System.currentTimeMillis() / 1000;
        JsonValue exp = claims.get("exp");
        JsonValue nbf = claims.get("nbf");
        if (!(exp instanceof JsonNumber e) || !e.isIntegral() || now >= e.longValue() + leewaySeconds) {
            return Optional.empty();
        }
        if (nbf != null && (!(nbf instanceof JsonNumber n) || !n.isIntegral() || now + leewaySeconds < n.longValue())) {
            return Optional.empty();
        }
        if (!isNumberIfPresent(claims.get("iat")) || !isStringIfPresent(claims.get("iss"))
                || !isStringIfPresent(claims.get("sub")) || !"access".equals(string(claims.get("token_type")))) {
            return Optional.empty();
        }
        String jti = string(claims.get("jti"));
        String uuid = string(claims.get("user_uuid"));
        JsonValue userId = claims.get("user_id");
        if (jti == null || jti.isBlank() || uuid == null || uuid.isBlank()
                || !(userId instanceof JsonNumber || userId instanceof JsonString)) {
            return Optional.empty();
        }
        return Optional.of(new Accepted(new LatchkeyUser(userId instanceof JsonString s ? s.getString() : userId.toString(),
                uuid, text(claims, "user_email"), text(claims, "user_first_name"), text(claims, "user_last_name"),
                claims.get("user_is_staff") == JsonValue.TRUE, claims.get("user_is_superuser") == JsonValue.TRUE,
                claims.get("iat") instanceof JsonNumber iat ? iat.longValue() : 0,
                claims.get("user_email_verified") == JsonValue.TRUE), ((JsonNumber) claims.get("exp")).longValue()));
    }

    private static byte[] array(ByteBuffer buffer) {
        return buffer.limit() == buffer.array().length ? buffer.array()
                : java.util.Arrays.copyOf(buffer.array(), buffer.limit());
    }

    private static boolean isNumberIfPresent(JsonValue value) {
        return value == null || value instanceof JsonNumber;
    }

    private static boolean isStringIfPresent(JsonValue value) {
        return value == null || value instanceof JsonString;
    }

    private static String string(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : null;
    }

    private static String text(JsonObject claims, String name) {
        String value = string(claims.get(name));
        return value == null ? "" : value;
    }

    private static Mac mac(SecretKeySpec spec) {
        try {
            Mac mac = Mac.getInstance(spec.getAlgorithm());
            mac.init(spec);
            return mac;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC unavailable: " + spec.getAlgorithm(), e);
        }
    }
}
