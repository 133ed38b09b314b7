package org.latchkey.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.password.PasswordPolicy;

/** The first superuser's address: an ordinary account there stops the start-up; a superuser there counts as verified. */
class AdminBootstrapTest {

    private final TestUsers users = new TestUsers();

    private AdminBootstrap bootstrap(String email) {
        AdminBootstrap bootstrap = new AdminBootstrap() {
            @Override
            ConfigValues values() {
                return ConfigValues.of(Map.of("latchkey.admin.email", email,
                        "latchkey.admin.password", "violet-anchor-drizzle-42"));
            }
        };
        bootstrap.users = users;
        bootstrap.policy = new PasswordPolicy();
        return bootstrap;
    }

    @Test
    void anOrdinaryAccountWithTheAdminAddressStopsTheStartUp() {
        User ordinary = users.add(true, false);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> bootstrap(ordinary.getEmail().toUpperCase()).run());
        assertEquals("latchkey.admin.email (LATCHKEY_ADMIN_EMAIL) " + ordinary.getEmail().toUpperCase() + " belongs to an"
                + " ordinary account, not a superuser; set the address of the first superuser (or of a new account),"
                + " or unset it.", refused.getMessage());
        assertFalse(ordinary.isSuperuser(), "never promoted silently");
    }

    @Test
    void anExistingSuperuserIsLeftAloneAndCountsAsVerified() {
        User root = users.add(true, true, false);
        String hash = root.getPasswordHash();
        bootstrap(root.getEmail()).run();
        assertTrue(root.isEmailVerified());
        assertEquals(hash, root.getPasswordHash(), "a restart never resets a password");
    }
}
