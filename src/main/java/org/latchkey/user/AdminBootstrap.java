package org.latchkey.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.latchkey.password.PasswordHasher;

/**
 * The first superuser: {@code LATCHKEY_ADMIN_EMAIL} and {@code LATCHKEY_ADMIN_PASSWORD} create one at startup when
 * no account has that email. An existing account is left alone — a restart never resets a password.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "latchkey.admin.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "latchkey.admin.password")
    Optional<String> password;

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    public void run() {
        if (email.isEmpty() && password.isEmpty()) {
            return;
        }
        if (email.isEmpty() || password.isEmpty() || !Emails.isValid(email.get().strip())) {
            throw new IllegalStateException("LATCHKEY_ADMIN_EMAIL and LATCHKEY_ADMIN_PASSWORD must both be set,"
                    + " to a valid email and a password, to create the first superuser (or neither).");
        }
        if (users.emailTaken(email.get())) {
            return;
        }
        try {
            User admin = users.create(new NewUser(email.get().strip(), "", "", hasher.hash(password.get())));
            users.promoteToSuperuser(admin.getId());
            LOG.info("Created the first superuser " + admin.getEmail() + " from LATCHKEY_ADMIN_EMAIL.");
        } catch (EmailTakenException e) {
            // another instance created it at the same moment: exactly what was wanted
        }
    }
}
