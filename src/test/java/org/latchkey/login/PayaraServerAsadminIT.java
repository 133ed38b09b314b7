package org.latchkey.login;

import java.net.URI;
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
}
