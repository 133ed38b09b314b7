package org.latchkey.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Every page, file and API resource has one address: the one the container mapped it by. A request whose raw path
 * differs from that — percent-encoded letters, path parameters ({@code ;x=y}), doubled slashes, {@code ./} or
 * {@code ../} segments, backslashes — is answered 404 before anything runs, so no second spelling of a URL can be
 * constrained differently from the first. First in web.xml's filter order; the security constraints have already
 * run (they see the container's normalised path, so they protect the page either way).
 */
public class CanonicalUrlFilter extends HttpFilter {

    /** Segments of letters, digits, '.', '_' and '-', none of them "." or "..". */
    private static final Pattern CANONICAL = Pattern.compile("(/(?!\\.\\.?(/|$))[A-Za-z0-9._-]+)*/?");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isCanonical(request)) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    static boolean isCanonical(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        if (uri == null || !uri.startsWith(context) || request.isRequestedSessionIdFromURL()) {
            // containers strip the session path parameter from the URI they report: this is its only trace. (Payara
            // also strips a ";jsessionid=" that is no longer the parameter's name, without a trace: that request is
            // the canonical one, with the id ignored — sessions are cookie-only.)
            return false;
        }
        String raw = uri.substring(context.length());
        if (raw.isEmpty() || raw.equals("/")) {
            return true; // the welcome page; the container forwards it to /index
        }
        String mapped = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return raw.equals(mapped) && !raw.endsWith("/") && CANONICAL.matcher(raw).matches();
    }
}
