package org.latchkey.support;

import java.util.HashMap;
import java.util.Map;

/**
 * What every test server gets unless its test says otherwise: registration as the article has it (verification
 * off — an account works at once), so the suites about logins, cookies and doors need no mail server; and a
 * per-address budget of 1000, because every test client is the loopback address and, in a PostgreSQL run, every
 * test server counts in one shared database (the throttle's own tests give each of their clients an address of its
 * own); and mail in the outbox although cookies are Secure ({@code latchkey.mail.outbox=allow}: the product refuses
 * to start so without it), for the suites that need no mail server. The bcrypt bulkhead runs with the product's
 * defaults (admission by expected wait). The mail suites set
 * {@code latchkey.registration.email-verification} themselves (the product's default is required).
 */
public final class TestSettings {

    static final String VERIFICATION = "latchkey.registration.email-verification";
    static final String CLIENT_FAILURES = "latchkey.throttle.client-failures";
    static final String OUTBOX = "latchkey.mail.outbox";

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
        if (!properties.containsKey(OUTBOX) && !environment.containsKey("LATCHKEY_MAIL_OUTBOX")) {
            defaults.put(OUTBOX, "allow");
        }
        return defaults;
    }
}
