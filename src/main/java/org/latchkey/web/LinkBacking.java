package org.latchkey.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.ThrottleSettings;

/**
 * What every page behind a mailed link shares: the token from the link (a view parameter, then a hidden field),
 * whether it still works — checked on the GET, which changes nothing — and, after the POST, a message that survives
 * the redirect onward.
 */
public abstract class LinkBacking {

    @Inject
    protected FacesContext faces;

    @Inject
    protected Texts texts;

    @Inject
    ThrottleSettings throttleSettings;

    private String token;
    private Boolean linkWorks;

    /** Whether the link would work now (it is not used up by asking). */
    protected abstract boolean works(String token);

    /** What to say when it does not. */
    protected abstract Text deadLink();

    /** On GET: whether to show the form at all. */
    public void check() {
        if (!works(token)) {
            dead();
        }
    }

    /** The link does not work (any more): say so, and show no form. */
    protected void dead() {
        linkWorks = false;
        faces.addMessage(null, texts.error(deadLink()));
    }

    /** Done: on to {@code path} (under the application), with {@code message} kept for the next page. */
    protected void done(Text message, String path) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(message));
        external.redirect(external.getRequestContextPath() + path);
        faces.responseComplete();
    }

    protected HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    /** The client's address, for the audit log. */
    protected String client() {
        return ClientAddress.of(request(), throttleSettings.trustedProxies());
    }

    public boolean isLinkWorks() {
        return linkWorks == null || linkWorks;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
