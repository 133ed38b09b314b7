package org.latchkey.cookie;

import java.util.Optional;

/**
 * Cookie names and attributes, from MicroProfile Config ({@code latchkey.cookie.*}).
 *
 * @param domain the parent domain for the access cookie, e.g. {@code example.com}; empty means host-only
 *               (local development on localhost)
 * @param secure send cookies over HTTPS only; only local plain-http development turns it off
 */
public record CookieSettings(Optional<String> domain, boolean secure, String accessName, String refreshName) {

    public CookieSettings {
        domain = domain.map(d -> d.strip().toLowerCase(java.util.Locale.ROOT)).map(d -> d.startsWith(".") ? d.substring(1) : d)
                .filter(d -> !d.isEmpty());
        domain.ifPresent(d -> {
            if (!d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                throw new IllegalStateException("latchkey.cookie.domain is '" + d
                        + "'; set it to the parent domain of your services, e.g. example.com.");
            }
        });
        requireToken("latchkey.cookie.access-name", accessName);
        requireToken("latchkey.cookie.refresh-name", refreshName);
        if (!secure && (accessName.startsWith("__") || refreshName.startsWith("__"))) {
            throw new IllegalStateException("Cookie names starting with __Host- or __Secure- need latchkey.cookie.secure=true;"
                    + " browsers drop them otherwise.");
        }

    }

    private static void requireToken(String property, String name) {
        if (name == null || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new IllegalStateException(property + " is '" + name + "'; set it to a cookie name of letters, digits and . _ -");
        }
    }
}
