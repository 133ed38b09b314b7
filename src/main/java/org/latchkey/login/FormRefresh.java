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
 * A form posted to one of the auth host's own pages after its access cookie ran out — the page was open longer than
 * an access token lives, so the browser no longer sends it. The detour a GET takes (the login page refreshes, then
 * sends the browser back) would drop what was posted, and a Faces form's address carries no query string (a person's
 * page would come back without its {@code id}). So the refresh cookie is traded here, on the request itself: new
 * cookies on the answer, and the post goes ahead as the person the new access token names. The usual rotation rules
 * apply (grace window, reuse detection); a refresh cookie that no longer refreshes is dropped.
 */
@ApplicationScoped
public class FormRefresh {

    @Inject
    SessionService sessions;

    @Inject
    TokenCookies cookies;

    @Inject
    CookieSettings cookieSettings;

    @Inject
    Clients clients;

    /** The new access token for a post that came with a refresh cookie that still refreshes; otherwise empty. */
    public Optional<String> accessFor(HttpServletRequest request, HttpServletResponse response) {
        if (!"POST".equals(request.getMethod())) {
            return Optional.empty(); // a GET goes by the login page, which keeps the address and counts the round trips
        }
        Optional<String> raw = Tokens.cookie(request, cookieSettings.refreshName());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<SignIn> refreshed = sessions.refresh(raw.get(), clients.address());
        if (refreshed.isEmpty()) {
            cookies.clear(response);
            return Optional.empty();
        }
        cookies.writeAccess(response, refreshed.get().access().value(), refreshed.get().access().lifetime());
        cookies.writeRefresh(response, refreshed.get().refresh().value(), refreshed.get().refresh().lifetime());
        return Optional.of(refreshed.get().access().value());
    }
}
