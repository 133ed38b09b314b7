package org.latchkey.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A downstream service's mechanism: on every request, public resources included, a valid access token (cookie or
 * Bearer header) signs the person in as their {@code user_uuid} with groups {@code user}/{@code staff}/
 * {@code superuser}. Only a protected resource refuses: a browser navigation goes to Latchkey's login page with the
 * absolute original URL as {@code next} (silent refresh sends it straight back); anything else gets a 401 in
 * simplejwt's JSON shape with a Bearer challenge (RFC 6750 §3).
 */
@ApplicationScoped
public class TokenAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    TokenVerifier verifier;

    @Inject
    ConsumerSettings settings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Optional<String> token = Tokens.read(request, settings.cookieNames());
        Optional<LatchkeyUser> user = token.flatMap(this::verified);
        if (user.isPresent()) {
            CurrentUser.set(request, user.get());
            return context.notifyContainerAboutLogin(user.get().uuid(), user.get().groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (settings.loginUrl().isPresent() && isBrowserNavigation(request)) {
            String url = settings.loginUrl().get();
            return context.redirect(url + (url.contains("?") ? "&" : "?") + "next="
                    + URLEncoder.encode(originalUrl(request), StandardCharsets.UTF_8));
        }
        return unauthorized(response, token.isPresent());
    }

    private Optional<LatchkeyUser> verified(String token) {
        try {
            return Optional.of(verifier.verifyAccess(token));
        } catch (TokenRejectedException e) {
            return Optional.empty();
        }
    }

    static boolean isBrowserNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html");
    }

    private static String originalUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, boolean tokenPresented) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            // RFC 6750 §3.1: an error code only when a token was presented and refused
            response.setHeader("WWW-Authenticate", tokenPresented
                    ? "Bearer realm=\"latchkey\", error=\"invalid_token\"" : "Bearer realm=\"latchkey\"");
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(tokenPresented
                    ? "{\"detail\":\"Given token not valid for any token type\",\"code\":\"token_not_valid\"}"
                    : "{\"detail\":\"Authentication credentials were not provided.\",\"code\":\"not_authenticated\"}");
            response.flushBuffer();
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
