package org.latchkey.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;

/**
 * Forms act on POST only, on every page. Faces decides that a request is a postback — and runs its form's action —
 * by the mere presence of a view-state parameter, whatever the method: for a stateless view the value
 * {@code stateless} is enough, so {@code GET /login?jakarta.faces.ViewState=stateless&login_form=…} would sign a
 * victim in as whoever wrote the link (login CSRF), and the same GET would register or sign out. Mapped to the Faces
 * servlet itself, so every page, present and future, is covered in this one place: a request other than POST that
 * carries any of Faces' own parameters ({@code jakarta.faces.*} — view state, partial/ajax, source, client window)
 * is refused with 400 before Faces sees it, and methods other than GET, HEAD and POST are 405. The POSTs themselves
 * are guarded as before (Faces' server-side view state on the signed-in pages, {@link FormGuard} on the others).
 */
public class PostOnlyForms extends HttpFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD");

    @Inject
    SecurityHeaders headers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String method = request.getMethod();
        if ("POST".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        if (!READS.contains(method)) {
            headers.apply(request, response);
            response.setHeader("Allow", "GET, HEAD, POST");
            PlainAnswer.page(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "/errors/form-method.html",
                    "{\"detail\":\"Pages are read with GET and their forms are sent with POST.\",\"code\":\"method_not_allowed\"}");
            return;
        }
        if (carriesAForm(request)) {
            headers.apply(request, response);
            PlainAnswer.page(request, response, HttpServletResponse.SC_BAD_REQUEST, "/errors/form-method.html",
                    "{\"detail\":\"A form is sent with POST from Latchkey's own page; a link that carries one does nothing.\","
                            + "\"code\":\"form_not_posted\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the query names any of Faces' own parameters (under any naming-container prefix). */
    static boolean carriesAForm(HttpServletRequest request) {
        for (String name : Collections.list(request.getParameterNames())) {
            if (name.contains("jakarta.faces.") || name.contains("javax.faces.")) {
                return true;
            }
        }
        return false;
    }
}
