package org.latchkey.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import jakarta.annotation.PostConstruct;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.cookie.CookieSettings;

/**
 * Which {@code next} URLs Latchkey follows after login, refresh and logout — no open redirects. Allowed: a path on
 * this host (one leading {@code /}), or an absolute http(s) URL whose host is the cookie domain, one of its
 * subdomains, or listed in {@code latchkey.redirect.allowed-hosts}. Refused: everything else, including
 * {@code //host}, backslashes, user-info, control characters and whitespace anywhere (browsers strip tabs and
 * newlines, which turns {@code /\t/evil} into {@code //evil}).
 */
@ApplicationScoped
public class RedirectPolicy {

    private static final int MAX_LENGTH = 2048;

    @Inject
    CookieSettings cookies;

    @Inject
    Config config;

    /** Host names beyond the cookie domain, lower-case. */
    private List<String> allowedHosts;

    public RedirectPolicy() {
    }

    RedirectPolicy(CookieSettings cookies, List<String> allowedHosts) {
        this.cookies = cookies;
        this.allowedHosts = allowedHosts;
    }

    @PostConstruct
    void configure() {
        allowedHosts = allowedHosts(ConfigValues.of(config));
    }

    /** {@code latchkey.redirect.allowed-hosts}: comma-separated host names, nothing else (no scheme, port or path). */
    public static List<String> allowedHosts(ConfigValues values) {
        List<String> hosts = values.list("latchkey.redirect.allowed-hosts", "").stream()
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        for (String host : hosts) {
            if (!host.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                throw ConfigValues.refused("latchkey.redirect.allowed-hosts", host,
                        "comma-separated host names such as partner.example.org (no scheme, port or path)");
            }
        }
        return hosts;
    }

    /** The URL to send the browser to, or empty when {@code next} is missing or not allowed. */
    public Optional<String> safe(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return Optional.empty();
            }
        }
        if (next.startsWith("/")) {
            return next.startsWith("//") ? Optional.empty() : Optional.of(next);
        }
        try {
            URI uri = new URI(next);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null || uri.getRawAuthority() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            return allowedHost(host.toLowerCase(Locale.ROOT)) ? Optional.of(next) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private boolean allowedHost(String host) {
        Optional<String> domain = cookies.domain();
        if (domain.isPresent() && (host.equals(domain.get()) || host.endsWith("." + domain.get()))) {
            return true;
        }
        return allowedHosts.contains(host);
    }
}
