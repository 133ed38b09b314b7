package org.latchkey.support;

import java.util.Map;

/**
 * What every test server gets unless its test says otherwise: registration as the article has it (verification
 * off — an account works at once), so the suites about logins, cookies and doors need no mail server. The mail
 * suites set {@code latchkey.registration.email-verification} themselves (the product's default is required).
 */
public final class TestSettings {

    static final String VERIFICATION = "latchkey.registration.email-verification";

    private TestSettings() {
    }

    /** The settings to add: none when the test chose verification itself (as a property or in the environment). */
    public static Map<String, String> articleRegistration(Map<String, String> properties, Map<String, String> environment) {
        if (properties.containsKey(VERIFICATION) || environment.containsKey("LATCHKEY_REGISTRATION_EMAIL_VERIFICATION")) {
            return Map.of();
        }
        return Map.of(VERIFICATION, "off");
    }
}
