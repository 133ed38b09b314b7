package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latchkey.cookie.CookieSettings;

class RedirectPolicyTest {

    private final RedirectPolicy policy = new RedirectPolicy(
            new CookieSettings(Optional.of("example.test"), true, "__Secure-a", "__Host-r"), List.of("partner.example.org"));

    /** The hostile table; the container decodes the query string once, so these are values after decoding. */
    public static final List<String> HOSTILE = List.of(
            "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example", "https://evil.example",
            "http://evil.example/", "https://example.test.evil.example", "https://evil.example@example.test",
            "https://user:pw@app.example.test/", "javascript:alert(1)", "JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>", "/\t/evil.example", "/\n/evil.example", "\t//evil.example",
            " https://evil.example", "https:evil.example", "https:/evil.example", "ftp://app.example.test/",
            "https://evilexample.test", "%2F%2Fevil.example", "https://evil.example%2F@example.test",
            "https://exampletest/", "//example.test@evil.example", "https://example.test\\@evil.example",
            "https://app.example.test\u3002evil.example/", "vbscript:msgbox(1)", "https://");

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example", "/\\evil.example", "https://evil.example",
            "https://example.test.evil.example", "https://evil.example@example.test", "javascript:alert(1)",
            "/\t/evil.example", "/%0a/evil", "https://evil.example%2F@example.test"})
    void refusesHostileValues(String next) {
        if (next.contains("%0a")) {
            next = next.replace("%0a", "\n");
        }
        assertEquals(Optional.empty(), policy.safe(next), next);
    }

    @org.junit.jupiter.api.Test
    void refusesTheWholeHostileTable() {
        for (String next : HOSTILE) {
            assertEquals(Optional.empty(), policy.safe(next), "must not follow " + next);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/account", "/account?tab=1#x", "/%2F%2Fevil.example", "https://example.test/",
            "https://app.example.test/page?q=1", "http://a.b.example.test:8081/x", "HTTPS://APP.EXAMPLE.TEST/",
            "https://partner.example.org/back"})
    void followsOwnPathsAndHostsOfTheDomain(String next) {
        assertEquals(Optional.of(next), policy.safe(next));
    }

    @org.junit.jupiter.api.Test
    void withoutCookieDomainOnlyPathsAndListedHosts() {
        RedirectPolicy local = new RedirectPolicy(new CookieSettings(Optional.empty(), false, "a", "r"), List.of());
        assertEquals(Optional.of("/account"), local.safe("/account"));
        assertTrue(local.safe("https://app.example.test/").isEmpty());
        assertTrue(local.safe(null).isEmpty());
        assertTrue(local.safe("").isEmpty());
        assertTrue(local.safe("/" + "a".repeat(5000)).isEmpty());
    }
}
