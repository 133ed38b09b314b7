package org.latchkey.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.ThrottleSettings;

/**
 * email-change/undo.xhtml, where the notice to the old address leads: a button (a GET changes nothing); its POST
 * gives the account its old address back and ends every sign-in (whoever made the change is out).
 */
@Named
@RequestScoped
public class UndoBacking {

    @Inject
    EmailChangeService changes;

    @Inject
    ThrottleSettings throttleSettings;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private String token;
    private Boolean linkWorks;

    public void check() {
        linkWorks = changes.works(token, true);
        if (!linkWorks) {
            faces.addMessage(null, texts.error(Text.of("undo.deadLink")));
        }
    }

    public void confirm() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<String> address = changes.undo(token,
                ClientAddress.of(request, throttleSettings.trustedProxies()));
        if (address.isEmpty()) {
            linkWorks = false;
            faces.addMessage(null, texts.error(Text.of("undo.deadLink")));
            return;
        }
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(Text.of("undo.done", address.get())));
        external.redirect(external.getRequestContextPath() + "/login");
        faces.responseComplete();
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
