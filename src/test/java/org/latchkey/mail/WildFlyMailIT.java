package org.latchkey.mail;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Inbox;
import org.latchkey.support.WildFlyProcess;

/**
 * {@link MailJourney} on WildFly 38: mail leaves through the mail subsystem's session {@code java:jboss/mail/latchkey},
 * which wildfly/configure.sh adds when LATCHKEY_MAIL_SMTP_HOST is set. Runs with {@code mvn verify -Pwildfly}.
 */
class WildFlyMailIT implements MailJourney {

    static Inbox inbox;
    static WildFlyProcess wildfly;

    @BeforeAll
    static void start() throws Exception {
        inbox = new Inbox();
        Map<String, String> settings = MailJourney.settings();
        settings.put("latchkey.public-url", "http://localhost:" + WildFlyProcess.HTTP_PORT);
        wildfly = WildFlyProcess.start("wildfly-mail", settings, Map.of("LATCHKEY_MAIL_SMTP_HOST", "127.0.0.1",
                "LATCHKEY_MAIL_SMTP_PORT", String.valueOf(inbox.port())));
    }

    @AfterAll
    static void stop() throws Exception {
        if (wildfly != null) {
            wildfly.close();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    @Override
    public URI base() {
        return wildfly.base();
    }

    @Override
    public Inbox inbox() {
        return inbox;
    }

    @Override
    public String serverLog() throws Exception {
        return wildfly.log();
    }

    @Test
    void mailGoesThroughTheMailSubsystem() throws Exception {
        assertTrue(wildfly.log().contains("Latchkey mail: the server's mail session java:jboss/mail/latchkey"),
                "the JNDI session, not Latchkey's own SMTP settings");
    }
}
