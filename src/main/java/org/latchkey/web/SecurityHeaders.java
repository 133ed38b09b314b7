package org.latchkey.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.latchkey.cookie.CookieSettings;

/**
 * Headers for every response: no script but our own files and no framing (clickjacking), no MIME sniffing, no full
 * URLs (with their {@code next}) in Referer headers to other sites, HSTS when cookies are Secure, and nothing cached
 * except the static files — pages carry personal data or a form's view state. Applied by the authentication
 * mechanism (which answers some requests, such as the redirect to login, before any filter runs) and by
 * {@link SecurityHeadersFilter} (error pages).
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Inject
    CookieSettings cookies;

    public void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        if (cookies.secure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/static/")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
