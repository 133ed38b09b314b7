package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latchkey.support.WildFlyProcess;

/**
 * {@link LoginJourney} and {@link Doors} — the same tests as on Payara Micro — against the unchanged WAR on WildFly 38, configured by
 * wildfly/configure.sh. Runs with {@code mvn verify -Pwildfly}.
 */
class WildFlyLoginFlowIT extends LoginJourney implements PeopleDoors {

    static WildFlyProcess wildfly;

    @BeforeAll
    static void startWildFly() throws Exception {
        wildfly = WildFlyProcess.start("wildfly", Doors.settings());
        System.out.printf("FIGURES wildfly: ready %.1f s after launch, %d MiB resident%n",
                wildfly.startup().toMillis() / 1000.0, wildfly.residentMiB());
    }

    @AfterAll
    static void stopWildFly() throws Exception {
        if (wildfly != null) {
            wildfly.close();
        }
    }

    @Override
    URI base() {
        return wildfly.base();
    }

    @Override
    public URI doors() {
        return wildfly.base();
    }

    @Override
    public String serverLog() throws Exception {
        return wildfly.log();
    }

    @Test
    void readinessIncludesTheDatabaseAndTheLogHasNoJaspiFailure() throws Exception {
        HttpResponse<String> ready = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(wildfly.management().resolve("health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"database\""), "Latchkey's own check runs on WildFly: " + ready.body());
        assertFalse(wildfly.log().contains("ELY01177"), "integrated-jaspi=false took effect");
    }
}
