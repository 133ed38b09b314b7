package org.latchkey.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.PayaraMicroProcess;

/**
 * The server is killed (SIGKILL) in the middle of a burst of registrations: after a restart every registration
 * that was answered as created can log in, and every other email is free to register again — nothing half-made.
 * Runs on whichever database the build is configured for (H2, or PostgreSQL with LATCHKEY_DB_HOST).
 */
class CrashIT {

    @Test
    void killDuringABurstLosesNoCommittedAccount() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        Path data = Files.createTempDirectory(testDir, "crash-data");
        Map<String, String> settings = Map.of("latchkey.cookie.secure", "false", "latchkey.password.bcrypt-cost", "8");
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
        PayaraMicroProcess server = PayaraMicroProcess.start("crash-first", data, settings);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            pool.submit(() -> {
                String email = Accounts.newEmail();
                try {
                    int status = Accounts.register(new Browser(server.base()), email, null).status();
                    (status == 302 ? created : unanswered).add(email);
                } catch (Exception connectionLost) {
                    unanswered.add(email);
                }
                return null;
            });
        }
        while (created.size() < 20) {
            Thread.sleep(50);
        }
        server.kill();
        pool.shutdown();
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS));
        System.out.printf("FIGURES crash: %d registrations answered as created, %d cut off by the kill%n",
                created.size(), unanswered.size());
        assertTrue(!unanswered.isEmpty(), "the kill really interrupted the burst");

        try (PayaraMicroProcess restarted = PayaraMicroProcess.start("crash-second", data, settings)) {
            for (String email : created) {
                assertEquals(302, Accounts.login(new Browser(restarted.base()), email, Accounts.PASSWORD, null).status(),
                        "a committed account survived the kill: " + email);
            }
            int sample = 0;
            for (String email : unanswered) {
                if (sample++ == 25) {
                    break;
                }
                Browser browser = new Browser(restarted.base());
                int login = Accounts.login(browser, email, Accounts.PASSWORD, null).status();
                if (login != 302) { // never committed: the address must be free, with no half-made row in the way
                    assertEquals(302, Accounts.register(new Browser(restarted.base()), email, null).status(), email);
                }
            }
        }
    }
}
