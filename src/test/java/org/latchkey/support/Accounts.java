package org.latchkey.support;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/** Registering and signing in through the real pages, for tests that need a person. */
public final class Accounts {

    public static final String PASSWORD = "violet-anchor-drizzle-42";

    private Accounts() {
    }

    public static String newEmail() {
        return "p" + UUID.randomUUID().toString().substring(0, 12) + "@example.test";
    }

    public static Browser.Page register(Browser browser, String email, String next) throws IOException, InterruptedException {
        Browser.Page form = browser.get(next == null ? "register" : "register?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        return browser.submit(form, "register_form", Map.of("first_name", "Ada", "last_name", "Lovelace",
                "email", email, "password", PASSWORD, "confirm_password", PASSWORD), "register");
    }

    public static Browser.Page login(Browser browser, String email, String password, String next)
            throws IOException, InterruptedException {
        Browser.Page form = browser.get(next == null ? "login" : "login?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        return browser.submit(form, "login_form", Map.of("email", email, "password", password), "login");
    }
}
