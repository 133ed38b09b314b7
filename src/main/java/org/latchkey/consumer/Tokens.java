package org.latchkey.consumer;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a request carries its access token: an {@code Authorization: Bearer} header, else the first of the access
 * cookie's names that is present.
 */
public final class Tokens {

    private Tokens() {
    }

    public static Optional<String> read(HttpServletRequest request, List<String> cookieNames) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).strip();
            return token.isEmpty() ? Optional.empty() : Optional.of(token);
        }
        for (String name : cookieNames) {
            Optional<String> value = cookie(request, name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * The {@code kid} of a shared HMAC key: a label derived from the key with the key (HMAC-SHA256), so it names the
     * key without saying anything about it. Latchkey writes it; a verifier may check it.
     */
    public static String hmacKeyId(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return "hs-" + HexFormat.of().formatHex(mac.doFinal("latchkey key id".getBytes(StandardCharsets.US_ASCII)), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * The cookie's value. Two different values under one name mean someone planted one (a sibling subdomain can set
     * cookies for the parent domain): then neither is trusted.
     */
    public static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        String found = null;
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (!name.equals(cookie.getName()) || cookie.getValue() == null || cookie.getValue().isEmpty()) {
                    continue;
                }
                if (found != null && !found.equals(cookie.getValue())) {
                    return Optional.empty();
                }
                found = cookie.getValue();
            }
        }
        return Optional.ofNullable(found);
    }
}
