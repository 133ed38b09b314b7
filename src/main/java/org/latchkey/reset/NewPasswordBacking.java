package org.latchkey.reset;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.latchkey.cookie.TokenCookies;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.ThrottleSettings;

/**
 * password-reset/new-password.xhtml, where the mail's link leads: the form only for a link that works; on success
 * the new session's cookies, and on to the account page.
 */
@Named
@RequestScoped
public class NewPasswordBacking {

    @Inject
    PasswordResetService resets;

    @Inject
    TokenCookies cookies;

    @Inject
    ThrottleSettings throttleSettings;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    private String token;
    private String password;
    private String confirmPassword;
    private Boolean linkWorks;

    /** On GET: whether to show the form at all. */
    public void check() {
        linkWorks = resets.works(token);
        if (!linkWorks) {
            faces.addMessage(null, texts.error(Text.of("reset.deadLink")));
        }
    }

    public void save() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        ResetOutcome outcome = resets.confirm(token, password, confirmPassword, texts.getLocale(),
                ClientAddress.of(request, throttleSettings.trustedProxies()));
        linkWorks = outcome.linkWorks();
        if (!outcome.linkWorks()) {
            faces.addMessage(null, texts.error(Text.of("reset.deadLink")));
            return;
        }
        if (!outcome.done()) {
            outcome.problems().forEach((field, messages) -> messages.forEach(m -> faces.addMessage(field, texts.error(m))));
            return;
        }
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        cookies.writeAccess(response, outcome.signIn().access().value(), outcome.signIn().access().lifetime());
        cookies.writeRefresh(response, outcome.signIn().refresh().value(), outcome.signIn().refresh().lifetime());
        cookies.writeBounce(response, "", Duration.ZERO);
        request.changeSessionId();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(Text.of("reset.done")));
        external.redirect(external.getRequestContextPath() + "/account");
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

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
