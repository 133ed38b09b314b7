package org.latchkey.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.latchkey.token.TokenKeys;

/**
 * {@code GET /.well-known/jwks.json}: the public keys tokens are signed with — the current one and those kept for
 * rotation — for simplejwt's {@code JWK_URL}, MicroProfile JWT and the consumer jar. Empty with a shared HMAC key,
 * which is never published. Cacheable for five minutes: a verifier meeting a new {@code kid} fetches it again.
 */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    @Inject
    TokenKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = keys.jwksJson().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
