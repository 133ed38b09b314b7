package org.latchkey.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latchkey.support.PayaraMicroProcess;

/** An unsafe configuration never serves a request: the deployment fails with a one-line reason. */
class StartupRefusalIT {

    @Test
    void shortSigningKeyStopsTheDeployment() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")));
        Path data = Files.createTempDirectory(testDir.toAbsolutePath(), "refusal-data");
        try (PayaraMicroProcess server = PayaraMicroProcess.startUndeployable("refusal", data,
                Map.of("JWT_SIGNING_KEY", "only-thirty-two-bytes-long-key!!"))) {
            String log = server.log();
            assertTrue(log.contains("Latchkey refuses to start: JWT_SIGNING_KEY is 32 bytes long; HS512 needs at least 64."
                    + " Set JWT_SIGNING_KEY to a random string of 64 or more characters"), "one-line reason in the log");
            int status = server.status("login");
            assertTrue(status >= 400, "nothing is served, got " + status); // 404 on Payara 7, 500 on Payara 6
            assertTrue(!Files.exists(data.resolve("jwt-signing.key")), "no key generated beside a configured one");
        }
    }

    /**
     * Settings as an operator writes them, in the environment: a value out of range or one no converter reads stops
     * the deployment with its line — never the default in its place, never a 500 at the first login.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "LATCHKEY_SESSION_REFRESH_GRACE | PT1H | latchkey.session.refresh-grace is PT1H; set it between PT0S and PT1M",
            "LATCHKEY_JWT_ACCESS_LIFETIME | 5m | latchkey.jwt.access-lifetime (LATCHKEY_JWT_ACCESS_LIFETIME) is '5m'; set an ISO-8601 duration",
            "LATCHKEY_THROTTLE_WINDOW | PT0S | latchkey.throttle.window is PT0S, which would turn throttling off"})
    void aBadEnvironmentVariableStopsTheDeployment(String variable, String value, String reason) throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")));
        Path data = Files.createTempDirectory(testDir.toAbsolutePath(), "refusal-env");
        try (PayaraMicroProcess server = PayaraMicroProcess.startWithEnvironment("refusal-" + variable.toLowerCase(),
                Map.of("LATCHKEY_DATA_DIR", data.toString(), variable, value), false)) {
            assertTrue(server.log().contains("Latchkey refuses to start: " + reason), "one-line reason in the log");
            int status = server.status("login");
            assertTrue(status >= 400, "nothing is served, got " + status);
        }
    }

    /** Only LATCHKEY_DATA_DIR, no -D: the pool and the generated key both land there, and pages are served. */
    @Test
    void theDataDirectoryFromTheEnvironmentAloneIsUsedByThePoolToo() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")));
        Path data = Files.createTempDirectory(testDir.toAbsolutePath(), "env-data");
        try (PayaraMicroProcess server = PayaraMicroProcess.startWithEnvironment("data-dir-env",
                Map.of("LATCHKEY_DATA_DIR", data.toString(), "LATCHKEY_COOKIE_SECURE", "false"), true)) {
            assertEquals(200, server.status("login"));
            assertTrue(Files.exists(data.resolve("latchkey.mv.db")) || System.getenv("LATCHKEY_DB_HOST") != null,
                    "the H2 database is in LATCHKEY_DATA_DIR");
            assertTrue(Files.exists(data.resolve("jwt-signing.key")), "and so is the generated key");
        }
    }
}
