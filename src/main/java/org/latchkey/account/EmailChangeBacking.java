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
 * email-change.xhtml, where the link mailed to a new address leads: a button (a GET changes nothing); its POST makes
 * the change. The link is the proof, so no sign-in is needed here.
 */
@Named
@RequestScoped
public class EmailChangeBacking {

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
        linkWorks = changes.works(token, false);
        if (!linkWorks) {
            faces.addMessage(null, texts.error(Text.of("emailChange.deadLink")));
        }
    }

    public void confirm() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        Optional<String> address = changes.confirm(token, texts.getLocale(),
                ClientAddress.of(request, throttleSettings.trustedProxies()));
        if (address.isEmpty()) {
            linkWorks = false;
            faces.addMessage(null, texts.error(Text.of("emailChange.deadLink")));
            return;
        }
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(Text.of("emailChange.done", address.get())));
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
