package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
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

    @BeforeAll
    static void startPayaraServer() throws Exception {
        server = PayaraServerProcess.start("payara-server-asadmin", Setup.ASADMIN, SETTINGS);
        System.out.printf("FIGURES payara-server (asadmin): %.1f s from create-domain to the first page, of which %.1f s"
                + " configuring and deploying; %d MiB resident%n", server.startup().toMillis() / 1000.0,
                server.deployment().toMillis() / 1000.0, server.residentMiB());
    }

    @AfterAll
    static void stopPayaraServer() throws Exception {
        if (server != null) {
            server.close();
        }
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
