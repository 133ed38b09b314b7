package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Inbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.latchkey.support.PayaraServerProcess;
import org.latchkey.support.PayaraServerProcess.Setup;

/**
 * {@link LoginJourney} on the full Payara Server set up with the README's {@code asadmin} commands (the REST round is
 * {@link PayaraServerLoginFlowIT}).
 */
class PayaraServerAsadminIT extends LoginJourney {

    static PayaraServerProcess server;
    static Inbox inbox;

    /** With the README's mail session too ({@code create-javamail-resource … mail/latchkey}), to a GreenMail inbox. */
    @BeforeAll
    static void startPayaraServer() throws Exception {
        inbox = new Inbox();
        server = PayaraServerProcess.start("payara-server-asadmin", Setup.ASADMIN, SETTINGS, inbox.port());
        System.out.printf("FIGURES payara-server (asadmin): %.1f s from create-domain to the first page, of which %.1f s"
                + " configuring and deploying; %d MiB resident%n", server.startup().toMillis() / 1000.0,
                server.deployment().toMillis() / 1000.0, server.residentMiB());
    }

    @AfterAll
    static void stopPayaraServer() throws Exception {
        if (server != null) {
            server.close();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    void resetLinksGoOutThroughTheServersMailSession() throws Exception {
        String email = Accounts.newEmail();
        assertEquals(302, Accounts.register(new Browser(server.base()), email, null).status());
        assertEquals(202, new Browser(server.base()).postJson("api/password-reset", "{\"email\":\"" + email + "\"}").status());
        Inbox.Mail mail = inbox.latest(email, "Reset your Latchkey password", 1);
        assertEquals("no-reply@example.test", mail.from(), "the session's sender");
        assertTrue(mail.link().startsWith(server.base() + "password-reset/new-password?token="), mail.link());
        assertTrue(new Browser(server.base()).get(mail.link()).body().contains("new_password_form"));
    }

    @Override
    URI base() {
        return server.base();
    }

    /** The README's redeploy (undeploy, deploy, restart-domain): the person signed in before is still signed in after. */
    @Test
    void aRedeployKeepsAccountsAndSignIns() throws Exception {
        Browser browser = new Browser(server.base());
        String email = Accounts.newEmail();
        assertEquals(302, Accounts.register(browser, email, null).status());
        assertEquals(302, Accounts.login(browser, email, Accounts.PASSWORD, null).status());
        server.redeploy();
        assertEquals(200, browser.get("account").status(), "the access cookie still verifies (the key is kept)");
        browser.dropCookie(ACCESS);
        assertEquals(302, browser.get("login").status(), "the refresh token still refreshes");
        assertEquals(302, Accounts.login(new Browser(server.base()), email, Accounts.PASSWORD, null).status());
    }
}
