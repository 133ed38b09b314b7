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
            "LATCHKEY_THROTTLE_WINDOW | PT0S | latchkey.throttle.window is PT0S, which would turn throttling off",
            "LATCHKEY_MAIL_SMTP_HOST | 127.0.0.1 | latchkey.public-url (LATCHKEY_PUBLIC_URL) is not set, and mail goes out through SMTP 127.0.0.1:25",
            "LATCHKEY_MAIL_OUTBOX | '' | no mail server is configured, so mail would only be written to files in"})
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

    /**
     * Only LATCHKEY_DATA_DIR, no -D: the pool and the generated key both land there, and pages are served. With no
     * mail server configured (the run command's default) mail goes to the outbox there, and the log names the file.
     */
    @Test
    void theDataDirectoryFromTheEnvironmentAloneIsUsedByThePoolToo() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")));
        Path data = Files.createTempDirectory(testDir.toAbsolutePath(), "env-data");
        try (PayaraMicroProcess server = PayaraMicroProcess.startWithEnvironment("data-dir-env",
                Map.of("LATCHKEY_DATA_DIR", data.toString(), "LATCHKEY_COOKIE_SECURE", "false",
                        "LATCHKEY_REGISTRATION_EMAIL_VERIFICATION", "required"), true)) {
            assertEquals(200, server.status("login"));
            String email = org.latchkey.support.Accounts.newEmail();
            assertEquals(202, new org.latchkey.support.Browser(server.base()).postJson("api/users", "{\"first_name\":"
                    + "\"Ada\",\"last_name\":\"L\",\"email\":\"" + email + "\",\"password\":\""
                    + org.latchkey.support.Accounts.PASSWORD + "\"}").status());
            Path outbox = data.resolve("outbox");
            long deadline = System.nanoTime() + 15_000_000_000L;
            while (System.nanoTime() < deadline && !server.log().contains("Mail to " + email)) {
                Thread.sleep(100);
            }
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("Mail to " + java.util.regex.Pattern.quote(email)
                    + " written to (\\S+?\\.eml)").matcher(server.log());
            assertTrue(line.find(), "one log line with the recipient and the file");
            assertTrue(!server.log().contains("verify-email?token="), "never the link: a log is no place for it");
            Path eml = Path.of(line.group(1));
            assertEquals(outbox, eml.getParent());
            String message = Files.readString(eml);
            String link = org.latchkey.support.Inbox.Mail.read(eml).link();
            assertTrue(link.matches("http://localhost:8080/verify-email\\?token=[A-Za-z0-9_-]{43}"),
                    "the link is in the message: " + link);
            assertTrue(message.contains("To: " + email) && message.contains("Subject: Confirm your email address"),
                    "a whole message, readable in any mail program: " + message);
            assertTrue(server.log().contains("Latchkey mail: the outbox " + outbox), "and the start-up says where mail goes");
            assertTrue(Files.exists(data.resolve("latchkey.mv.db")) || System.getenv("LATCHKEY_DB_HOST") != null,
                    "the H2 database is in LATCHKEY_DATA_DIR");
            assertTrue(Files.exists(data.resolve("jwt-signing.key")), "and so is the generated key");
        }
    }
}
