package org.latchkey.metrics;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;

/**
 * {@code GET /metrics} for whoever holds {@code latchkey.metrics.token} ({@code Authorization: Bearer …}, as
 * Prometheus sends it with {@code authorization.credentials_file}); without the setting there is no such page. No
 * person's sign-in reads it, superusers' included: it is for the monitoring system, not for a browser.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    static final String TOKEN = "latchkey.metrics.token";
    static final int MIN_LENGTH = 32;

    @Inject
    Config config;

    @Inject
    Metrics metrics;

    private Optional<byte[]> expected;

    /** The token, when set: at least 32 characters (say {@code openssl rand -hex 32}). */
    public static Optional<String> token(ConfigValues values) {
        Optional<String> token = values.text(TOKEN).map(String::strip);
        if (token.isPresent() && token.get().length() < MIN_LENGTH) {
            // the value itself is a secret: never in the log
            throw new IllegalStateException(TOKEN + " (" + ConfigValues.environmentName(TOKEN) + ") is "
                    + token.get().length() + " characters long; set at least " + MIN_LENGTH + " random ones"
                    + " (openssl rand -hex 32), or leave it unset to turn /metrics off.");
        }
        return token;
    }

    @Override
    public void init() {
        expected = token(ConfigValues.of(config)).map(MetricsServlet::digest);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        if (expected.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String header = request.getHeader("Authorization");
        boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        // compared as digests, in constant time: how long the comparison took says nothing of the token
        if (!bearer || !MessageDigest.isEqual(digest(header.substring(7).strip()), expected.get())) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"latchkey-metrics\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain; version=0.0.4; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
