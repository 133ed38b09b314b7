package org.latchkey.registration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.ThrottleSettings;
import org.latchkey.throttle.ThrottledException;

/** register.xhtml: one action; problems appear next to their fields, success goes on to the login page. */
@Named
@RequestScoped
public class RegisterBacking {

    @Inject
    RegistrationService registrations;

    @Inject
    FacesContext faces;

    @Inject
    Texts texts;

    @Inject
    ThrottleSettings throttleSettings;

    private String firstName;
    private String lastName;
    private String email;
    private String password;
    private String confirmPassword;
    private String next;

    public void register() throws IOException {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        Map<String, List<Text>> problems;
        try {
            problems = registrations.register(new Registration(firstName, lastName, email, password, confirmPassword),
                    texts.getLocale(), ClientAddress.of(request, throttleSettings.trustedProxies()));
        } catch (ThrottledException e) {
            faces.addMessage(null, texts.error(Text.of("register.throttled",
                    Text.duration(java.time.Duration.ofSeconds(e.seconds())))));
            return;
        }
        if (!problems.isEmpty()) {
            faces.addMessage(null, texts.error(Text.of("register.fixProblems")));
            problems.forEach((field, messages) -> messages.forEach(m -> faces.addMessage(field, texts.error(m))));
            return;
        }
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, texts.info(Text.of(registrations.verificationRequired() ? "register.checkInbox"
                : "register.created")));
        external.redirect(getLoginUrl());
        faces.responseComplete();
    }

    /** The sign-in link keeps {@code next}, as given; the login page decides whether it is ever followed. */
    public String getLoginUrl() {
        String login = faces.getExternalContext().getRequestContextPath() + "/login";
        return next == null || next.isEmpty() ? login : login + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
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

    public String getConfirmPassword() {
        return confirmPassword;
    }

    public void setConfirmPassword(String confirmPassword) {
        this.confirmPassword = confirmPassword;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
