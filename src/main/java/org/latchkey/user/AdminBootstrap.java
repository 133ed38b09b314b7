package org.latchkey.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.password.PasswordPolicy;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.password.PasswordHasher;

/**
 * The first superuser: {@code LATCHKEY_ADMIN_EMAIL} and {@code LATCHKEY_ADMIN_PASSWORD} create one at startup when
 * no account has that email. An existing superuser is left alone — a restart never resets a password — and counts as
 * verified; an ordinary account with that address stops the start-up (it would otherwise silently stay ordinary).
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    Config config;

    @Inject
    PasswordPolicy policy;

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    /** The first superuser's email and password; refused unless both are set, valid, and the password passes the policy. */
    public record FirstSuperuser(String email, String password) {
    }

    public static Optional<FirstSuperuser> read(ConfigValues values, PasswordPolicy policy) {
        Optional<String> email = values.text("latchkey.admin.email");
        Optional<String> password = values.source("latchkey.admin.password"); // spaces are part of a password
        if (email.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        if (email.isEmpty() || password.isEmpty() || !Emails.isValid(email.get())) {
            throw new IllegalStateException("LATCHKEY_ADMIN_EMAIL and LATCHKEY_ADMIN_PASSWORD must both be set,"
                    + " to a valid email and a password, to create the first superuser (or neither).");
        }
        List<Text> problems = policy.problems(password.get(), Map.of("attribute.email", email.get()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("latchkey.admin.password (LATCHKEY_ADMIN_PASSWORD) does not pass the password"
                    + " policy: " + Texts.format(problems.get(0), Locale.ENGLISH) + " Set a stronger one.");
        }
        return Optional.of(new FirstSuperuser(email.get(), password.get()));
    }

    ConfigValues values() {
        return ConfigValues.of(config);
    }

    public void run() {
        FirstSuperuser first = read(values(), policy).orElse(null);
        if (first == null) {
            return;
        }
        Optional<User> existing = users.findByEmail(first.email());
        if (existing.isPresent()) {
            if (!existing.get().isSuperuser()) {
                throw new IllegalStateException("latchkey.admin.email (LATCHKEY_ADMIN_EMAIL) " + first.email()
                        + " belongs to an ordinary account, not a superuser; set the address of the first superuser"
                        + " (or of a new account), or unset it.");
            }
            if (!existing.get().isEmailVerified()) {
                users.markEmailVerified(existing.get().getId()); // the operator named this address: it is theirs
            }
            return;
        }
        try {
            User admin = users.create(new NewUser(first.email(), "", "", hasher.hash(first.password()), true));
            users.promoteToSuperuser(admin.getId());
            LOG.info("Created the first superuser " + admin.getEmail() + " from LATCHKEY_ADMIN_EMAIL.");
        } catch (EmailTakenException e) {
            // another instance created it at the same moment: exactly what was wanted
        }
    }
}
