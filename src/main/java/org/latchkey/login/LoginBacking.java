package org.latchkey.login;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.latchkey.audit.Audit;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.cookie.TokenCookies;
import org.latchkey.password.PasswordWork;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.LoginThrottle;
import org.latchkey.throttle.ThrottleSettings;
import org.latchkey.web.Busy;
import org.latchkey.web.SessionIds;

/** login.xhtml: the silent refresh on GET, and the email/password form. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    org.latchkey.throttle.Clients clients;

    @Inject
    SecurityContext securityContext;

    @Inject
    CookieRefresh cookieRefresh;

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
    LoginThrottle throttle;

    @Inject
    ThrottleSettings throttleSettings;

    @Inject
    Texts texts;

    @Inject
    SignInNotes notes;

    @Inject
    KnownDevices devices;

    @Inject
    PasswordWork passwords;

    private String email;
    private String password;
    private String next;

    /**
     * GET with a valid refresh cookie: no form — a fresh access cookie, the refresh token rotated, and straight
     * on to {@code next}. A refresh cookie that no longer works is dropped and the form is shown.
     */
    @Inject
    org.latchkey.session.SessionSettings sessionSettings;

    public void silentRefresh() throws IOException {
        HttpServletRequest request = request();
        Optional<String> raw = Tokens.cookie(request, cookieSettings.refreshName());
        if (raw.isEmpty() && sessionSettings.djangoCutover().isPresent()) {
            // switching over: the Django auth service's refresh cookie (on the parent domain), read once and dropped
            raw = Tokens.cookie(request, sessionSettings.djangoRefreshCookie());
            raw.ifPresent(django -> cookies.clearOnDomain(response(), sessionSettings.djangoRefreshCookie()));
        }
        if (raw.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        RefreshLoop loop = RefreshLoop.read(Tokens.cookie(request, cookieSettings.bounceName()));
        if (loop.looping(now)) {
            // the page we keep sending the browser to never receives the cookie: show the form, and why
            cookies.writeBounce(response(), "", Duration.ZERO);
            audit.event("refresh", null, clients.address(), "redirect-loop");
            faces.addMessage(null, texts.warn(Text.of("login.loop")));
            return;
        }
        if (cookieRefresh.trade(raw.get(), response()).isEmpty()) {
            return;
        }
        cookies.writeBounce(response(), loop.next(now).value(), RefreshLoop.WINDOW);
        redirectOnward();
    }

    public void login() throws IOException {
        boolean missing = false;
        if (email == null || email.isBlank()) {
            faces.addMessage("email", texts.error(Text.of("login.emailRequired")));
            missing = true;
        }
        if (password == null || password.isEmpty()) {
            faces.addMessage("password", texts.error(Text.of("login.passwordRequired")));
            missing = true;
        }
        if (missing) {
            return;
        }
        HttpServletRequest request = request();
        String client = ClientAddress.of(request, throttleSettings.trustedProxies());
        if (passwords.refuseIfFull()) { // no turn for bcrypt: refused before the throttle's database work, and not counted
            audit.event("login", null, client, "busy");
            Busy.answer(request, response());
            faces.responseComplete();
            return;
        }
        LoginThrottle.Attempt attempt = throttle.begin(email, client, devices.deviceFor(request, email), Instant.now());
        if (!attempt.admitted()) {
            // refused without looking at the password, so guessing during the wait learns nothing
            audit.event("login", null, client, "throttled");
            faces.addMessage(null, texts.error(Text.of("login.throttled", describe(attempt.waiting().get()))));
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response(), AuthenticationParameters
                .withParams().newAuthentication(true)
                .credential(new UsernamePasswordCredential(email.strip(), new Password(password))));
        switch (status) {
            case SUCCESS -> {
                throttle.succeeded(attempt, Instant.now());
                SessionIds.renew(request); // no session fixation across the login
                cookies.writeBounce(response(), "", Duration.ZERO); // a password login starts the count of refreshes anew
                String uuid = securityContext.getCallerPrincipal().getName();
                audit.event("login", uuid, client, "success");
                devices.signedIn(request, response(), uuid, texts.getLocale(), client);
                redirectOnward();
            }
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                if (Busy.answered(request)) {
                    // every bcrypt turn was taken: the password was never checked, so this was no guess
                    throttle.succeeded(attempt, Instant.now());
                    audit.event("login", null, client, "busy");
                    faces.responseComplete();
                    return;
                }
                if (response().getStatus() == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
                    faces.responseComplete(); // the database is away: the mechanism has answered, nothing to count
                    return;
                }
                if (notes.isUnverified()) {
                    // the right password: not a failure to count, and now it may be told
                    throttle.succeeded(attempt, Instant.now());
                    audit.event("login", null, client, "unverified-link-sent");
                    faces.addMessage(null, texts.warn(Text.of("login.unverified")));
                    return;
                }
                audit.event("login", notes.refusedUuid(), client, notes.refusal()); // counted by begin
                faces.addMessage(null, texts.error(Text.of("login.invalid")));
            }
        }
    }

    static Text describe(Duration wait) {
        return Text.duration(Duration.ofSeconds(LoginThrottle.seconds(wait)));
    }

    public String getResetUrl() {
        return externalContext().getRequestContextPath() + "/password-reset";
    }

    /** The register link keeps {@code next}, so a new person also ends up where they were going. */
    public String getRegisterUrl() {
        String base = externalContext().getRequestContextPath() + "/register";
        return redirects.safe(next).map(n -> base + "?next=" + URLEncoder.encode(n, StandardCharsets.UTF_8)).orElse(base);
    }

    private void redirectOnward() throws IOException {
        String target = redirects.safe(next).orElse(externalContext().getRequestContextPath() + "/account");
        externalContext().redirect(target);
        faces.responseComplete();
    }

    private ExternalContext externalContext() {
        return faces.getExternalContext();
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) externalContext().getRequest();
    }

    private HttpServletResponse response() {
        return (HttpServletResponse) externalContext().getResponse();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
