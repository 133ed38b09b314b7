package org.latchkey.startup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
}
