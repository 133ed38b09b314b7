package org.latchkey.registration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** register.xhtml: one action; problems appear next to their fields, success goes on to the login page. */
@Named
@RequestScoped
public class RegisterBacking {

    @Inject
    RegistrationService registrations;

    @Inject
    FacesContext faces;

    private String firstName;
    private String lastName;
    private String email;
    private String password;
    private String confirmPassword;
    private String next;

    public void register() throws IOException {
        Map<String, List<String>> problems = registrations.register(
                new Registration(firstName, lastName, email, password, confirmPassword));
        if (!problems.isEmpty()) {
            faces.addMessage(null, message(FacesMessage.SEVERITY_ERROR, "Please correct the problems below."));
            problems.forEach((field, messages) -> messages.forEach(m -> faces.addMessage(field,
                    message(FacesMessage.SEVERITY_ERROR, m))));
            return;
        }
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, message(FacesMessage.SEVERITY_INFO, "Your account was created. Please log in."));
        // next is passed through as given; the login page decides whether it is ever followed
        String login = external.getRequestContextPath() + "/login";
        external.redirect(next == null || next.isEmpty() ? login
                : login + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        faces.responseComplete();
    }

    private static FacesMessage message(FacesMessage.Severity severity, String text) {
        return new FacesMessage(severity, text, null);
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
