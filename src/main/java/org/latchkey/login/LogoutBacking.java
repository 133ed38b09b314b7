package org.latchkey.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.latchkey.audit.Audit;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.cookie.TokenCookies;
import org.latchkey.session.SessionService;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.web.SessionIds;

/**
 * logout.xhtml: GET only asks (a link or an image cannot sign anyone out); the POST revokes the refresh token on
 * the server, deletes both cookies and sends the browser to the login page or an allowed {@code next}.
 */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    org.latchkey.throttle.Clients clients;

    @Inject
    SessionService sessions;

    @Inject
    TokenCookies cookies;

    @Inject
    CookieSettings cookieSettings;

    @Inject
    RedirectPolicy redirects;

    @Inject
    FacesContext faces;

    @Inject
    Audit audit;

    @Inject
    CurrentUser currentUser;

    @Inject
    Texts texts;

    private String next;

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Tokens.cookie(request, cookieSettings.refreshName()).ifPresent(sessions::end);
        audit.event("logout", currentUser.get().map(LatchkeyUser::uuid).orElse(null), clients.address(), "success");
        cookies.clear((HttpServletResponse) external.getResponse());
        request.logout();
        SessionIds.renew(request); // the session holds only view state; a new id, and the message survives the redirect
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(Text.of("logout.done")));
        external.redirect(redirects.safe(next).orElse(external.getRequestContextPath() + "/login"));
        faces.responseComplete();
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
