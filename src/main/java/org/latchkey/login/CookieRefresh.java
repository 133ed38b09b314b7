package org.latchkey.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.cookie.TokenCookies;
import org.latchkey.session.SessionService;
import org.latchkey.session.SignIn;
import org.latchkey.throttle.Clients;

/**
 * Trades the browser's refresh cookie for new cookies on the answer: for the login page's silent refresh, and for a
 * form posted to one of the auth host's own pages after its access cookie ran out (the page was open longer than an
 * access token lives, so the browser no longer sends it). A GET takes the detour through the login page, which keeps
 * the address and counts the round trips; a post would be dropped there, and a Faces form's address carries no query
 * string (a person's page would come back without its {@code id}) — so a post is refreshed on the request itself and
 * goes ahead as the person the new access token names. The usual rotation rules apply (grace window, reuse
 * detection); a refresh cookie that no longer refreshes is deleted with the access cookie.
 */
@ApplicationScoped
public class CookieRefresh {

    @Inject
    SessionService sessions;

    @Inject
    TokenCookies cookies;

    @Inject
    CookieSettings cookieSettings;

    @Inject
    Clients clients;

    /** New access and refresh cookies for this refresh token, or both deleted when it may not refresh. */
    public Optional<SignIn> trade(String rawRefresh, HttpServletResponse response) {
        Optional<SignIn> refreshed = sessions.refresh(rawRefresh, clients.address());
        if (refreshed.isEmpty()) {
            cookies.clear(response);
            return Optional.empty();
        }
        cookies.writeAccess(response, refreshed.get().access().value(), refreshed.get().access().lifetime());
        cookies.writeRefresh(response, refreshed.get().refresh().value(), refreshed.get().refresh().lifetime());
        return refreshed;
    }

    /** The new access token for a post that came with a refresh cookie that still refreshes; otherwise empty. */
    public Optional<String> forPost(HttpServletRequest request, HttpServletResponse response) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty();
        }
        return Tokens.cookie(request, cookieSettings.refreshName()).flatMap(raw -> trade(raw, response))
                .map(signIn -> signIn.access().value());
    }
}
