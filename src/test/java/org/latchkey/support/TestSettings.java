package org.latchkey.support;

import java.util.HashMap;
import java.util.Map;

/**
 * What every test server gets unless its test says otherwise: registration as the article has it (verification
 * off — an account works at once), so the suites about logins, cookies and doors need no mail server; and a
 * per-address budget of 1000, because every test client is the loopback address and, in a PostgreSQL run, every
 * test server counts in one shared database (the throttle's own tests give each of their clients an address of its
 * own); and a bcrypt queue of 64, because the race suites send 20 registrations at once and mean to test the race,
 * not the bulkhead (the product's default, 4 × the cores, would answer half of them "busy" on a 2-core machine; the
 * bulkhead's own test sets its queue itself). The mail suites set {@code latchkey.registration.email-verification}
 * themselves (the product's default is required).
 */
public final class TestSettings {

    static final String VERIFICATION = "latchkey.registration.email-verification";
    static final String CLIENT_FAILURES = "latchkey.throttle.client-failures";
    static final String PASSWORD_QUEUE = "latchkey.password.queue";
    static final String PASSWORD_MAX_WAIT = "latchkey.password.max-wait";

    private TestSettings() {
    }

    /** The settings to add: only those the test did not choose itself (as a property or in the environment). */
    public static Map<String, String> articleRegistration(Map<String, String> properties, Map<String, String> environment) {
        Map<String, String> defaults = new HashMap<>();
        if (!properties.containsKey(VERIFICATION) && !environment.containsKey("LATCHKEY_REGISTRATION_EMAIL_VERIFICATION")) {
            defaults.put(VERIFICATION, "off");
        }
        if (!properties.containsKey(CLIENT_FAILURES) && !environment.containsKey("LATCHKEY_THROTTLE_CLIENT_FAILURES")) {
            defaults.put(CLIENT_FAILURES, "1000");
        }
        if (!properties.containsKey(PASSWORD_QUEUE) && !environment.containsKey("LATCHKEY_PASSWORD_QUEUE")) {
            defaults.put(PASSWORD_QUEUE, "64");
        }
        if (!properties.containsKey(PASSWORD_MAX_WAIT) && !environment.containsKey("LATCHKEY_PASSWORD_MAX_WAIT")) {
            defaults.put(PASSWORD_MAX_WAIT, "PT30S"); // a busy CI machine: a test's sign-in waits, it is not turned away
        }
        return defaults;
    }
}
