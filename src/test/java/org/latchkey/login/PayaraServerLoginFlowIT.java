package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latchkey.support.PayaraServerProcess;
import org.latchkey.support.PayaraServerProcess.Setup;

/**
 * {@link LoginJourney} and {@link Doors} on the full Payara Server (6.2025.9, JDK 17), the domain set up through the
 * admin REST interface the admin console uses: pool, {@code jdbc/latchkey}, system properties, deployment of the
 * unchanged WAR. Runs with {@code mvn verify -Ppayara-server}; {@link PayaraServerAsadminIT} does it with asadmin.
 */
class PayaraServerLoginFlowIT extends LoginJourney implements PeopleDoors {

    static PayaraServerProcess server;

    @BeforeAll
    static void startPayaraServer() throws Exception {
        server = PayaraServerProcess.start("payara-server-rest", Setup.REST, Doors.settings());
        System.out.printf("FIGURES payara-server (REST): %.1f s from create-domain to the first page, of which %.1f s"
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

    @Override
    public URI doors() {
        return server.base();
    }

    @Override
    public String serverLog() throws Exception {
        return server.log();
    }

    @Test
    void theDeploymentIsCleanAndReadsRetriesOff() throws Exception {
        String log = server.log();
        assertFalse(log.contains("NoClassDefFoundError"), "no class EclipseLink's customizer needed");
        assertFalse(log.contains("Latchkey refuses to start"));
        assertEquals(true, log.contains("EclipseLink read retries off"), "fail-fast during outages on this server too");
        java.net.http.HttpResponse<String> ready = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(java.net.http.HttpRequest
                        .newBuilder(server.base().resolve("health/ready")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertEquals(true, ready.body().contains("\"database\""), "Latchkey's own readiness check: " + ready.body());
    }
}
