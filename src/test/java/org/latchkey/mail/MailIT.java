package org.latchkey.mail;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.latchkey.support.Inbox;
import org.latchkey.support.PayaraMicroProcess;

/** {@link MailJourney} on Payara Micro, sending through the SMTP server named in the settings. */
class MailIT implements MailJourney {

    static Inbox inbox;
    static PayaraMicroProcess server;

    @BeforeAll
    static void start() throws Exception {
        inbox = new Inbox();
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        int port = PayaraMicroProcess.reservePort();
        Map<String, String> settings = MailJourney.settings();
        settings.putAll(Map.of("latchkey.mail.smtp.host", "127.0.0.1", "latchkey.mail.smtp.port", String.valueOf(inbox.port()),
                "latchkey.public-url", "http://localhost:" + port));
        server = PayaraMicroProcess.start("mail", Files.createTempDirectory(testDir, "mail-data"), settings, port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    @Override
    public URI base() {
        return server.base();
    }

    @Override
    public Inbox inbox() {
        return inbox;
    }

    @Override
    public String serverLog() throws Exception {
        return server.log();
    }
}
