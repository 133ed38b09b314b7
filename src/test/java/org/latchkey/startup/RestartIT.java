package org.latchkey.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.PayaraMicroProcess;

/**
 * Latchkey started as the run command starts it, stopped and started again on the same data directory: accounts
 * and the generated signing key survive, so people can still log in and their cookies stay valid. Also prints the
 * start-up time and resident memory (figures for the notes, not assertions).
 */
class RestartIT {

    @Test
    void accountsAndKeySurviveARestart() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")));
        Path data = Files.createTempDirectory(testDir.toAbsolutePath(), "restart-data");
        String admin = Accounts.newEmail();
        Map<String, String> settings = Map.of("latchkey.cookie.secure", "false", "latchkey.password.bcrypt-cost", "10",
                "latchkey.admin.email", admin, "latchkey.admin.password", "first-admin-Passw0rd");
        String email = Accounts.newEmail();
        String accessBefore;
        try (PayaraMicroProcess first = PayaraMicroProcess.start("restart-first", data, settings)) {
            System.out.printf("FIGURES first start (empty database): ready in %d ms, RSS %d MiB%n",
                    first.startup().toMillis(), first.residentMiB());
            Browser browser = new Browser(first.base());
            assertEquals(302, Accounts.register(browser, email, null).status());
            assertEquals(302, Accounts.login(browser, email, Accounts.PASSWORD, null).status());
            accessBefore = browser.cookie("latchkey.access").orElseThrow();
            assertTrue(first.log().contains("generated a signing key"), "a newcomer's run generates a key");
            Browser root = new Browser(first.base());
            assertEquals(302, Accounts.login(root, admin, "first-admin-Passw0rd", null).status(), "first superuser created");
            assertEquals("user, staff, superuser", root.get("account").document().getElementById("roles").text());
        }
        assertTrue(Files.exists(data.resolve("jwt-signing.key")));
        try (PayaraMicroProcess second = PayaraMicroProcess.start("restart-second", data, settings)) {
            System.out.printf("FIGURES restart: ready in %d ms, RSS %d MiB%n", second.startup().toMillis(), second.residentMiB());
            Browser browser = new Browser(second.base());
            browser.setCookie("latchkey.access", accessBefore);
            assertEquals(200, browser.get("account").status(), "the kept key still verifies cookies issued before");
            Browser fresh = new Browser(second.base());
            assertEquals(302, Accounts.login(fresh, email, Accounts.PASSWORD, null).status(), "the account survived");
            assertEquals(200, fresh.get("account").status());
            assertTrue(!second.log().contains("generated a signing key"), "the key is generated only once");
            assertEquals(302, Accounts.login(new Browser(second.base()), admin, "first-admin-Passw0rd", null).status());
            assertTrue(!second.log().contains("Created the first superuser"), "an existing superuser is left alone");
        }
    }
}
