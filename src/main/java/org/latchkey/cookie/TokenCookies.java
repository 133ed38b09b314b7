package org.latchkey.cookie;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The only place that knows the cookies' attributes (reading them is the consumer's {@code Tokens.cookie}, which
 * also refuses planted duplicates). Set-Cookie is written by hand so the attributes are the
 * same on every container; clearing repeats Domain and Path, or browsers keep the cookie.
 */
@ApplicationScoped
public class TokenCookies {

    @Inject
    CookieSettings settings;

    public TokenCookies() {
    }

    TokenCookies(CookieSettings settings) {
        this.settings = settings;
    }

    public void writeAccess(HttpServletResponse response, String token, Duration lifetime) {
        // Domain = the parent domain: every service on it reads this cookie.
        add(response, settings.accessName(), token, settings.domain(), lifetime.toSeconds());
    }

    public void writeRefresh(HttpServletResponse response, String token, Duration lifetime) {
        // No Domain attribute: host-only, so the long-lived credential never reaches another service.
        add(response, settings.refreshName(), token, Optional.empty(), lifetime.toSeconds());
    }

    /** The silent-refresh counter: host-only, short-lived, no secret in it. */
    public void writeBounce(HttpServletResponse response, String value, Duration lifetime) {
        add(response, settings.bounceName(), value, Optional.empty(), lifetime.toSeconds());
    }

    /** Host-only and long-lived; kept at sign-out (it says the browser is known, and grants nothing). */
    public void writeDevice(HttpServletResponse response, String token, Duration lifetime) {
        add(response, settings.deviceName(), token, Optional.empty(), lifetime.toSeconds());
    }

    /** Host-only, for this browser session (no Max-Age): the anonymous forms' CSRF secret. */
    public void writeForm(HttpServletResponse response, String value) {
        add(response, settings.formName(), value, Optional.empty(), -1);
    }

    /** Deletes a cookie another service set on the cookie domain (the Django auth service's, at the switch-over). */
    public void clearOnDomain(HttpServletResponse response, String name) {
        add(response, name, "", settings.domain(), 0);
        if (settings.domain().isPresent()) {
            add(response, name, "", Optional.empty(), 0); // and a host-only one of that name, if it was set so
        }
    }

    public void clear(HttpServletResponse response) {
        add(response, settings.accessName(), "", settings.domain(), 0);
        add(response, settings.refreshName(), "", Optional.empty(), 0);
    }

    private void add(HttpServletResponse response, String name, String value, Optional<String> domain, long maxAge) {
        StringBuilder header = new StringBuilder(name).append('=').append(value);
        domain.ifPresent(d -> header.append("; Domain=").append(d));
        header.append("; Path=/");
        if (maxAge >= 0) {
            header.append("; Max-Age=").append(maxAge);
        }
        if (maxAge == 0) {
            header.append("; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        }
        if (settings.secure()) {
            header.append("; Secure");
        }
        // HttpOnly: no script on any subdomain can read a token; SameSite=Lax: not sent on cross-site POSTs.
        header.append("; HttpOnly; SameSite=Lax");
        response.addHeader("Set-Cookie", header.toString());
        // A response that carries a token must never be stored by a cache.
        response.setHeader("Cache-Control", "no-store");
    }
}
