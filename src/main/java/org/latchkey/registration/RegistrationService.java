package org.latchkey.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latchkey.password.PasswordHasher;
import org.latchkey.password.PasswordPolicy;
import org.latchkey.user.EmailTakenException;
import org.latchkey.user.Emails;
import org.latchkey.user.NewUser;
import org.latchkey.user.UserService;

/**
 * The article's checks — a valid email, not already taken, the two passwords equal — plus names that fit and the
 * password policy. Problems come back by form field; nothing is stored unless there are none.
 */
@ApplicationScoped
public class RegistrationService {

    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    public static final String EMAIL = "email";
    public static final String PASSWORD = "password";
    public static final String CONFIRM_PASSWORD = "confirm_password";
    static final String EMAIL_TAKEN = "Sorry, that email address is already taken. Are you sure you don't want to log in instead?";
    private static final int MAX_NAME = 150;

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    /** @return problems by field name; empty when the account was created */
    public Map<String, List<String>> register(Registration form) {
        Problems problems = new Problems();
        String first = clean(form.firstName());
        String last = clean(form.lastName());
        String email = clean(form.email());
        checkName(problems, FIRST_NAME, "first name", first);
        checkName(problems, LAST_NAME, "last name", last);
        if (email.isEmpty()) {
            problems.add(EMAIL, "Enter your email address.");
        } else if (!Emails.isValid(email)) {
            problems.add(EMAIL, "Enter a valid email address, like name@example.com.");
        } else if (users.emailTaken(email)) {
            problems.add(EMAIL, EMAIL_TAKEN);
        }
        String password = form.password() == null ? "" : form.password();
        if (password.isEmpty()) {
            problems.add(PASSWORD, "Enter a password.");
        } else {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("first name", first);
            attributes.put("last name", last);
            attributes.put("email address", email);
            policy.problems(password, attributes).forEach(p -> problems.add(PASSWORD, p));
        }
        String confirm = form.confirmPassword() == null ? "" : form.confirmPassword();
        if (confirm.isEmpty()) {
            problems.add(CONFIRM_PASSWORD, "Enter the password again.");
        } else if (!confirm.equals(password)) {
            problems.add(CONFIRM_PASSWORD, "Your passwords do not match. Please enter the same password in both fields.");
        }
        if (!problems.isEmpty()) {
            return problems.byField();
        }
        try {
            users.create(new NewUser(email, first, last, hasher.hash(password)));
        } catch (EmailTakenException e) {
            problems.add(EMAIL, EMAIL_TAKEN); // lost a race with another registration of the same address
        }
        return problems.byField();
    }

    private static void checkName(Problems problems, String field, String label, String value) {
        if (value.isEmpty()) {
            problems.add(field, "Enter your " + label + ".");
        } else if (value.length() > MAX_NAME) {
            problems.add(field, "Your " + label + " is too long: use at most " + MAX_NAME + " characters.");
        } else if (value.codePoints().anyMatch(Character::isISOControl)) {
            problems.add(field, "Your " + label + " contains characters that cannot be shown. Remove them.");
        }
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }
}
