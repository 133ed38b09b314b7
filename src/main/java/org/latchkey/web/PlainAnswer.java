package org.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * An answer that must show when Faces cannot (a 503, a refused form): a static page for a browser, a JSON problem
 * for a JSON client, no caching — written and committed at once.
 */
public final class PlainAnswer {

    private PlainAnswer() {
    }

    public static void unavailable(HttpServletRequest request, HttpServletResponse response, int retryAfterSeconds,
                                   String page, String json) {
        response.setHeader("Retry-After", String.valueOf(retryAfterSeconds));
        page(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, page, json);
    }

    public static void page(HttpServletRequest request, HttpServletResponse response, int status, String page,
                            String json) {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        try {
            byte[] body;
            if (wantsJson(request)) {
                response.setContentType("application/json");
                body = json.getBytes(StandardCharsets.UTF_8);
            } else {
                response.setContentType("text/html;charset=UTF-8");
                try (InputStream in = request.getServletContext().getResourceAsStream(page)) {
                    body = in.readAllBytes();
                }
            }
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException clientGone) {
            throw new UncheckedIOException(clientGone);
        }
    }

    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String type = request.getContentType();
        return (accept != null && accept.contains("json") && !accept.contains("text/html"))
                || (type != null && type.contains("json"));
    }
}
