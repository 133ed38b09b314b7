package org.latchkey.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.Logs;
import org.latchkey.support.PayaraMicroProcess;

/**
 * Rotation never makes a session immortal, and reuse is written to the audit log: Latchkey on its own server with
 * a 6-second absolute session lifetime and a 1-second grace window.
 */
class SessionLifetimeIT {

    static final String REFRESH = "latchkey.refresh";

    @Test
    void familiesEndAtTheirAbsoluteLifetimeAndReuseIsAudited() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        try (PayaraMicroProcess server = PayaraMicroProcess.start("session-lifetime",
                Files.createTempDirectory(testDir, "lifetime-data"), Map.of("latchkey.cookie.secure", "false",
                        "latchkey.password.bcrypt-cost", "8", "latchkey.session.absolute-lifetime", "PT6S",
                        "latchkey.session.refresh-grace", "PT1S"))) {
            Browser browser = new Browser(server.base());
            String email = Accounts.newEmail();
            Accounts.register(browser, email, null);
            Page login = Accounts.login(browser, email, Accounts.PASSWORD, null);
            assertTrue(Long.parseLong(login.setCookie(REFRESH).orElseThrow().attribute("Max-Age")) <= 6,
                    "the refresh cookie never outlives the family");
            String first = browser.cookie(REFRESH).orElseThrow();
            String uuid = browser.get("account").document().getElementById("uuid").text();

            assertEquals(302, browser.get("login").status(), "a refresh within the lifetime works");
            Thread.sleep(2_000);
            Browser thief = new Browser(server.base());
            thief.setCookie(REFRESH, first);
            assertEquals(200, thief.get("login").status());
            assertTrue(Logs.shows(server::log, "\"event\":\"refresh-reuse-detected\",\"actor\":\"anonymous\",\"user\":\"" + uuid + "\""),
                    "reuse audited");
            assertTrue(Logs.shows(server::log, "\"outcome\":\"family-revoked\""));
            assertFalse(server.log().contains(first), "no token in the logs");

            Browser again = new Browser(server.base());
            Accounts.login(again, email, Accounts.PASSWORD, null);
            assertEquals(302, again.get("login").status());
            Thread.sleep(6_500);
            Page expired = again.get("login");
            assertEquals(200, expired.status(), "past the absolute lifetime the form is shown, however recent the refresh");
        }
    }
}
