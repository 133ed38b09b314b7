package org.latchkey.storage;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.latchkey.password.PasswordBusyException;
import org.latchkey.web.Busy;
import org.latchkey.web.SecurityHeaders;

/**
 * A page or API call that failed because the database is away gets {@link StorageUnavailable}'s 503 instead of the
 * generic error page, one that found every bcrypt turn taken gets {@link Busy}'s; any other failure goes on to the
 * container as before.
 */
@WebFilter(urlPatterns = "/*")
public class StorageUnavailableFilter extends HttpFilter {

    @Inject
    SecurityHeaders headers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // what the authentication mechanism already wrote before any filter ran — new cookies from a refresh it
        // committed (a form posted after the access cookie ran out): they stay on a 503, or the browser would keep
        // the retired refresh token and set off a false reuse alarm with it later
        java.util.Collection<String> committedCookies = java.util.List.copyOf(response.getHeaders("Set-Cookie"));
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            boolean busy = PasswordBusyException.isCause(e);
            if (!(busy || StorageUnavailable.isCause(e)) || response.isCommitted()) {
                throw e;
            }
            response.reset(); // no half-written body, and none of the cookies the failed request meant to set
            committedCookies.forEach(cookie -> response.addHeader("Set-Cookie", cookie));
            headers.apply(request, response);
            if (busy) {
                Busy.answer(request, response);
            } else {
                StorageUnavailable.answer(request, response, e);
            }
        }
    }
}
