package org.latchkey.login;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.latchkey.support.Accounts;
import org.latchkey.support.PayaraMicroProcess;
import org.latchkey.token.TestKeys;

/**
 * {@link Doors} on Payara Micro: one server for the class, with a first superuser whose password the test makes up
 * and a signing key it knows (as every service on the domain does).
 */
class DoorsIT implements Doors {

    static final String ADMIN_EMAIL = Accounts.newEmail();
    static final String ADMIN_PASSWORD = TestKeys.random().substring(0, 24);
    static final String KEY = TestKeys.random() + TestKeys.random();

    static PayaraMicroProcess server;

    /** What a server runs {@link Doors} with, beside {@link LoginJourney#SETTINGS}. */
    static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(LoginJourney.SETTINGS);
        settings.putAll(Map.of("latchkey.admin.email", ADMIN_EMAIL, "latchkey.admin.password", ADMIN_PASSWORD,
                "JWT_SIGNING_KEY", KEY));
        return settings;
    }

    @BeforeAll
    static void start() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        server = PayaraMicroProcess.start("doors", Files.createTempDirectory(testDir, "doors-data"), settings());
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
    public String adminEmail() {
        return ADMIN_EMAIL;
    }

    @Override
    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    @Override
    public String signingKey() {
        return KEY;
    }

    @Override
    public String serverLog() throws Exception {
        return server.log();
    }
}
