package org.latchkey.login;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.latchkey.support.PayaraMicroProcess;

/**
 * {@link Doors} on Payara Micro: one server for the class, with a first superuser whose password the test makes up
 * and a signing key it knows (as every service on the domain does).
 */
class DoorsIT implements Doors {

    static PayaraMicroProcess server;

    @BeforeAll
    static void start() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        server = PayaraMicroProcess.start("doors", Files.createTempDirectory(testDir, "doors-data"), Doors.settings());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    public URI doors() {
        return server.base();
    }

    @Override
    public String serverLog() throws Exception {
        return server.log();
    }
}
