package org.latchkey.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.cookie.TokenCookies;

/**
 * CSRF for the pages anyone can open (login, register, the reset, verification and undo links, sign-out). Their
 * Faces views are stateless — a view of them keeps nothing on the server, so a flood of anonymous views costs no
 * memory — and so Faces' view state, which is a server-kept secret on the other pages, guards nothing here.
 * Instead the browser gets a random secret in a host-only, HttpOnly, SameSite=Lax cookie ({@code __Host-} when
 * Secure, so no sibling subdomain can plant one) and every such form repeats it in the hidden field
 * {@value #FIELD}; a POST whose field does not match its cookie is refused with 403 before Faces sees it. A
 * cross-site form post arrives without the cookie (SameSite) and could not know it anyway (HttpOnly, and another
 * site cannot read the page).
 */
public class FormGuard extends HttpFilter {

    /** The hidden field's name; the request attribute that holds this request's secret for the page to render. */
    public static final String FIELD = "latchkey_form";
    public static final String ATTRIBUTE = "org.latchkey.web.form";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CookieSettings cookieSettings;

    @Inject
    TokenCookies cookies;

    @Inject
    SecurityHeaders headers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> secret = Tokens.cookie(request, cookieSettings.formName())
                .filter(value -> WELL_FORMED.matcher(value).matches());
        if ("POST".equals(request.getMethod())) {
            String field = request.getParameter(FIELD);
            if (secret.isEmpty() || field == null || !MessageDigest.isEqual(
                    secret.get().getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.UTF_8))) {
                headers.apply(request, response);
                PlainAnswer.page(request, response, HttpServletResponse.SC_FORBIDDEN, "/errors/form.html",
                        "{\"detail\":\"This form was not sent from Latchkey's own page. Open the page again and send it from there.\","
                                + "\"code\":\"form_not_valid\"}");
                return;
            }
        } else if (secret.isEmpty()) {
            secret = Optional.of(fresh());
            cookies.writeForm(response, secret.get());
        }
        request.setAttribute(ATTRIBUTE, secret.get());
        chain.doFilter(request, response);
    }

    static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
