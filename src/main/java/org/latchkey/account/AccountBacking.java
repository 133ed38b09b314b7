package org.latchkey.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latchkey.audit.Audit;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.cookie.TokenCookies;
import org.latchkey.session.SignInEntry;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.ThrottleSettings;
import org.latchkey.web.SessionIds;

/**
 * account.xhtml: who is signed in (as the access cookie says; roles from Latchkey's records), their name, a new
 * password, a new address, where they are signed in, sign out everywhere — the changes only with this browser's auth-host session, which {@link AccountService} checks.
 */
@Named
@RequestScoped
public class AccountBacking {

    @Inject
    org.latchkey.throttle.Clients clients;

    @Inject
    CurrentUser currentUser;

    @Inject
    AccountService accounts;

    @Inject
    TokenCookies cookies;

    @Inject
    CookieSettings cookieSettings;

    @Inject
    Audit audit;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    @Inject
    EmailChangeService emailChanges;

    @Inject
    ThrottleSettings throttleSettings;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private static final String SIGN_INS = "latchkey.signIns";

    private List<SignInEntry> signIns;
    private boolean signInsHidden;
    private String newEmail;
    private String firstName;
    private String lastName;
    private String emailPassword;
    private String currentPassword;
    private String newPassword;
    private String confirmPassword;

    public LatchkeyUser getUser() {
        return currentUser.getUser();
    }

    /** The roles as one line, e.g. "user, staff". */
    public String getRoles() {
        return currentUser.get().map(u -> String.join(", ", u.groups())).orElse("");
    }

    public void changePassword() {
        AccountChange change = made(() -> accounts.changePassword(currentPassword, newPassword, confirmPassword,
                refreshToken()));
        if (change == null) {
            return;
        }
        // the old access tokens are refused here from now on: this device gets a new one
        cookies.writeAccess((HttpServletResponse) faces.getExternalContext().getResponse(), change.access().value(),
                change.access().lifetime());
        audit.event("password-changed", currentUser.get().map(LatchkeyUser::uuid).orElse(null), clients.address(), "success");
        faces.addMessage(null, texts.info(Text.of("account.passwordChanged")));
    }

    private interface Change {
        AccountChange make() throws NotAllowedException;
    }

    /** The change made, or null when it was refused or its fields have problems (both said on the page). */
    private AccountChange made(Change attempt) {
        AccountChange change;
        try {
            change = attempt.make();
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("account.cannotChange")));
            return null;
        }
        if (!change.changed()) {
            change.problems().forEach((field, messages) -> messages.forEach(m -> faces.addMessage(field, texts.error(m))));
            return null;
        }
        return change;
    }

    /** New names: this device's access cookie is re-issued with them, and the page shown again (it reads the cookie). */
    public void changeName() throws IOException {
        AccountChange change = made(() -> accounts.changeName(firstName, lastName, refreshToken()));
        if (change == null) {
            return;
        }
        ExternalContext external = faces.getExternalContext();
        cookies.writeAccess((HttpServletResponse) external.getResponse(), change.access().value(), change.access().lifetime());
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(Text.of("account.nameChanged")));
        external.redirect(external.getRequestContextPath() + "/account");
        faces.responseComplete();
    }

    /** The name field's value: what was typed, else the name now. */
    public String getFirstName() {
        return firstName != null ? firstName : currentUser.get().map(LatchkeyUser::firstName).orElse("");
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName != null ? lastName : currentUser.get().map(LatchkeyUser::lastName).orElse("");
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public void changeEmail() {
        Map<String, List<Text>> problems;
        try {
            problems = emailChanges.request(newEmail, emailPassword, refreshToken(), texts.getLocale(),
                    ClientAddress.of(request(), throttleSettings.trustedProxies()));
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("account.cannotChange")));
            return;
        }
        if (!problems.isEmpty()) {
            problems.forEach((field, messages) -> messages.forEach(m -> faces.addMessage(field, texts.error(m))));
            return;
        }
        faces.addMessage(null, texts.info(Text.of("account.emailLinkSent", newEmail.strip())));
        newEmail = null;
    }

    public void signOutEverywhere() throws IOException, ServletException {
        HttpServletRequest request = request();
        String uuid;
        try {
            uuid = accounts.signOutEverywhere(refreshToken()).uuid();
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("account.cannotChange")));
            return;
        }
        audit.event("sign-out-everywhere", uuid, clients.address(), "success");
        ExternalContext external = faces.getExternalContext();
        cookies.clear((HttpServletResponse) external.getResponse());
        request.logout();
        SessionIds.renew(request); // the session holds only view state; a new id, and the message survives the redirect
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(Text.of("account.signedOutEverywhere")));
        external.redirect(external.getRequestContextPath() + "/login");
        faces.responseComplete();
    }

    /** This person's live sign-ins, or none (and a note) without this browser's auth-host session. */
    @SuppressWarnings("unchecked")
    public List<SignInEntry> getSignIns() {
        if (signIns == null) {
            // a button names its row by position: a postback finds the list the page was rendered with, kept in the
            // view, so a sign-in made or ended meanwhile cannot shift "Sign out this one" onto another row
            Map<String, Object> view = faces.getViewRoot().getViewMap();
            if (faces.isPostback() && view.get(SIGN_INS) instanceof List<?> shown) {
                signIns = (List<SignInEntry>) shown;
                return signIns;
            }
            try {
                signIns = accounts.signIns(refreshToken());
            } catch (NotAllowedException e) {
                signIns = List.of();
                signInsHidden = true;
            }
            view.put(SIGN_INS, signIns);
        }
        return signIns;
    }

    public boolean isSignInsHidden() {
        getSignIns();
        return signInsHidden;
    }

    public String when(Instant instant) {
        return WHEN.format(instant.atOffset(ZoneOffset.UTC));
    }

    public void endSignIn(String id) {
        try {
            boolean done = accounts.endSignIn(id, refreshToken());
            faces.addMessage(null, done ? texts.info(Text.of("account.signInEnded"))
                    : texts.error(Text.of("account.noSuchSignIn")));
            signIns = null; // the list as it is now
            faces.getViewRoot().getViewMap().remove(SIGN_INS);
        } catch (NotAllowedException e) {
            faces.addMessage(null, texts.error(Text.of("account.cannotChange")));
        }
    }

    private String refreshToken() {
        return Tokens.cookie(request(), cookieSettings.refreshName()).orElse(null);
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) faces.getExternalContext().getRequest();
    }

    public String getNewEmail() {
        return newEmail;
    }

    public void setNewEmail(String newEmail) {
        this.newEmail = newEmail;
    }

    public String getEmailPassword() {
        return emailPassword;
    }

    public void setEmailPassword(String emailPassword) {
        this.emailPassword = emailPassword;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }
}
