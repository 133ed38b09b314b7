package org.latchkey.web;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@link SecurityHeaders} on pages, static files and error pages, and the request id of {@link RequestTags}. */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD})
public class SecurityHeadersFilter extends HttpFilter {

    @Inject
    SecurityHeaders headers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        headers.apply(request, response);
        if (request.getAttribute(org.latchkey.audit.AuditTag.REQUEST_ID) instanceof String id) {
            response.setHeader("X-Request-Id", id); // the audit lines of this request carry it
        }
        chain.doFilter(request, response);
    }
}
