package org.latchkey.reset;

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

/** password-reset.xhtml: one field; every address gets the same answer, on the same page after a redirect. */
@Named
@RequestScoped
public class PasswordResetBacking {

    @Inject
    PasswordResetService resets;

    @Inject
    ResetSettings settings;

    @Inject
    ThrottleSettings throttleSettings;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private String email;

    public void request() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        boolean valid;
        try {
            valid = resets.request(email, texts.getLocale(), ClientAddress.of(request, throttleSettings.trustedProxies()));
        } catch (org.latchkey.throttle.ThrottledException e) {
            faces.addMessage(null, texts.error(Text.of("reset.throttled", Text.duration(java.time.Duration.ofSeconds(e.seconds())))));
            return;
        }
        if (!valid) {
            faces.addMessage(PasswordResetService.EMAIL, texts.error(Text.of(email == null || email.isBlank()
                    ? "login.emailRequired" : "register.emailInvalid")));
            return;
        }
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(Text.of("reset.sent", Text.duration(settings.lifetime()))));
        external.redirect(external.getRequestContextPath() + "/password-reset");
        faces.responseComplete();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
