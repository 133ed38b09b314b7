package org.latchkey.registration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.ThrottleSettings;

/**
 * verify-email.xhtml: a GET of the mail's link shows a button and changes nothing (mail scanners fetch links); the
 * button's POST confirms the address and goes on to sign in.
 */
@Named
@RequestScoped
public class VerifyEmailBacking {

    @Inject
    VerificationService verifications;

    @Inject
    ThrottleSettings throttleSettings;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private String token;
    private Boolean linkWorks;

    public void check() {
        linkWorks = verifications.works(token);
        if (!linkWorks) {
            faces.addMessage(null, texts.error(Text.of("verify.deadLink")));
        }
    }

    public void confirm() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (!verifications.confirm(token, ClientAddress.of(request, throttleSettings.trustedProxies()))) {
            linkWorks = false;
            faces.addMessage(null, texts.error(Text.of("verify.deadLink")));
            return;
        }
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(Text.of("verify.done")));
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
