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
        // Over HTTPS only the prefixed names: a cookie without the prefix can be planted by any sibling subdomain.
        if (secure && !accessName.startsWith("__Secure-")) {
            throw new IllegalStateException("latchkey.cookie.access-name is '" + accessName + "' but cookies are Secure;"
                    + " set a name starting with __Secure- (default __Secure-latchkey.access), which no sibling can plant.");
        }
        if (secure && !refreshName.startsWith("__Host-")) {
            throw new IllegalStateException("latchkey.cookie.refresh-name is '" + refreshName + "' but cookies are Secure;"
                    + " set a name starting with __Host- (default __Host-latchkey.refresh), host-only by the browser's rule.");
        }
        if (accessName.equals(refreshName)) {
            throw new IllegalStateException("latchkey.cookie.access-name and refresh-name are both '" + accessName
                    + "'; set two different names.");
        }
    }

    /** The host-only cookie that counts silent refreshes in a row (see {@code RefreshLoop}). */
    public String bounceName() {
        return secure ? "__Host-latchkey.bounce" : "latchkey.bounce";
    }

    /** The host-only cookie that says this browser signed in as that person before (see {@code KnownDevices}). */
    public String deviceName() {
        return secure ? "__Host-latchkey.device" : "latchkey.device";
    }

    /** The host-only browser-session cookie that the stateless forms' hidden field must match (see {@code FormGuard}). */
    public String formName() {
        return secure ? "__Host-latchkey.form" : "latchkey.form";
    }

    private static void requireToken(String property, String name) {
        if (name == null || !name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new IllegalStateException(property + " is '" + name + "'; set it to a cookie name of letters, digits and . _ -");
        }
    }
}
