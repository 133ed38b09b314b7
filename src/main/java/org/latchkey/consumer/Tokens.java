package org.latchkey.consumer;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;

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
