package org.latchkey.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.PayaraMicroProcess;
import org.latchkey.token.TestKeys;

/**
 * A superuser deactivates a person: every sign-in of theirs ends, Latchkey refuses their still-unexpired access
 * token at once, and they cannot log in. Only superusers reach the page. (Its own server, so the test can make up
 * the first superuser's password.)
 */
class DeactivationIT {

    @Test
    void deactivationEndsEverythingAtOnce() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        String adminEmail = Accounts.newEmail();
        String adminPassword = TestKeys.random().substring(0, 24);
        try (PayaraMicroProcess server = PayaraMicroProcess.start("deactivation", Files.createTempDirectory(testDir, "admin-data"),
                Map.of("latchkey.cookie.secure", "false", "latchkey.password.bcrypt-cost", "8",
                        "latchkey.admin.email", adminEmail, "latchkey.admin.password", adminPassword))) {
            String email = Accounts.newEmail();
            Browser person = new Browser(server.base());
            Accounts.register(person, email, null);
            assertEquals(302, Accounts.login(person, email, Accounts.PASSWORD, null).status());
            String uuid = person.get("account").document().getElementById("uuid").text();
            assertEquals(403, person.get("admin/users").status(), "a person without the superuser role is refused");

            Browser admin = new Browser(server.base());
            assertEquals(302, Accounts.login(admin, adminEmail, adminPassword, null).status());
            Page users = admin.get("admin/users");
            assertEquals(200, users.status());
            Element row = users.document().selectFirst("tr[data-uuid=" + uuid + "]");
            assertTrue(row != null && row.text().contains(email), users.body());
            Element button = row.selectFirst("input.deactivate");
            Page done = admin.submit(users, "users_form", Map.of(), button.attr("name"));
            assertEquals(200, done.status());
            assertTrue(done.messages().contains("The account was deactivated and signed out everywhere."), done.messages().toString());
            assertTrue(done.document().selectFirst("tr[data-uuid=" + uuid + "] .status").text().startsWith("deactivated"));

            Page refused = person.get("account");
            assertEquals(302, refused.status(), "the unexpired access token is refused at once");
            person.dropCookie("latchkey.access");
            assertEquals(200, person.get("login").status(), "the refresh token no longer refreshes");
            assertEquals(200, Accounts.login(new Browser(server.base()), email, Accounts.PASSWORD, null).status(),
                    "and the password no longer signs in");
            assertTrue(server.log().contains("\"event\":\"user-deactivated\",\"user\":\"" + uuid + "\""), "audited");
        }
    }
}
