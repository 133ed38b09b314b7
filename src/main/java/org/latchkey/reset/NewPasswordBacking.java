package org.latchkey.reset;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.latchkey.cookie.TokenCookies;
import org.latchkey.text.Text;
import org.latchkey.web.LinkBacking;
import org.latchkey.web.SessionIds;

/**
 * password-reset/new-password.xhtml, where the mail's link leads: the form only for a link that works; on success
 * the new session's cookies, and on to the account page.
 */
@Named
@RequestScoped
public class NewPasswordBacking extends LinkBacking {

    @Inject
    PasswordResetService resets;

    @Inject
    TokenCookies cookies;

    private String password;
    private String confirmPassword;

    @Override
    protected boolean works(String token) {
        return resets.works(token);
    }

    @Override
    protected Text deadLink() {
        return Text.of("reset.deadLink");
    }

    public void save() throws IOException {
        ResetOutcome outcome = resets.confirm(getToken(), password, confirmPassword, texts.getLocale(), client());
        if (!outcome.linkWorks()) {
            dead();
            return;
        }
        if (!outcome.done()) {
            outcome.problems().forEach((field, messages) -> messages.forEach(m -> faces.addMessage(field, texts.error(m))));
            return;
        }
        HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
        cookies.writeAccess(response, outcome.signIn().access().value(), outcome.signIn().access().lifetime());
        cookies.writeRefresh(response, outcome.signIn().refresh().value(), outcome.signIn().refresh().lifetime());
        cookies.writeBounce(response, "", Duration.ZERO);
        SessionIds.renew(request());
        done(Text.of("reset.done"), "/account");
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
