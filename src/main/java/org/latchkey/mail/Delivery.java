package org.latchkey.mail;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where letters go, decided once at start-up: the server's mail session ({@code mail/latchkey} on Payara,
 * {@code java:jboss/mail/latchkey} on WildFly — the operator's SMTP settings stay in the server), else an SMTP
 * server from {@code latchkey.mail.smtp.*}, else the outbox folder, with one log line per letter naming the
 * recipient and the link, so the run command lets a newcomer follow a reset link without a mail server.
 */
@ApplicationScoped
public class Delivery {

    static final List<String> SESSION_NAMES = List.of("mail/latchkey", "java:jboss/mail/latchkey");
    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());
    private static final String TIMEOUT_MILLIS = "10000";

    @Inject
    MailSettings settings;

    private Session session;
    private String route;

    @PostConstruct
    void choose() {
        Optional<Session> server = serverSession();
        if (server.isPresent()) {
            session = server.get();
            route = "the server's mail session " + route;
        } else if (settings.smtpHost().isPresent()) {
            session = Session.getInstance(smtpProperties());
            route = "SMTP " + settings.smtpHost().get() + ":" + settings.smtpPort()
                    + (settings.starttls() ? " (STARTTLS)" : "");
        } else {
            session = Session.getInstance(new Properties());
            route = "the outbox " + settings.outbox();
        }
    }

    /** For the start-up line: which way mail leaves, and from whom. */
    public String route() {
        String sender;
        try {
            sender = from().toString();
        } catch (MessagingException e) {
            sender = "'" + session.getProperty("mail.from") + "', which does not parse (" + e.getMessage()
                    + "): set latchkey.mail.from";
        }
        return route + ", from " + sender;
    }

    /** Whether letters only land in the outbox folder (no mail server is configured). */
    public boolean toOutbox() {
        return route.startsWith("the outbox ");
    }

    void deliver(Letter letter) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(letter.to(), true));
        message.setSubject(letter.title(), "UTF-8");
        message.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(letter.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(letter.html(), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        if (toOutbox()) {
            Files.createDirectories(settings.outbox());
            Path file = settings.outbox().resolve(Instant.now().toString().replace(':', '-') + "-"
                    + UUID.randomUUID().toString().substring(0, 8) + ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            }
            // the file, never the link: a log is read by more people, and kept longer, than a mailbox
            LOG.info("Mail to " + letter.to() + " written to " + file);
        } else if (settings.smtpUser().isPresent() && !route.startsWith("the server")) {
            Transport.send(message, settings.smtpUser().get(), settings.smtpPassword().orElse(""));
        } else {
            Transport.send(message);
        }
    }

    private InternetAddress from() throws MessagingException {
        if (settings.from().isPresent()) {
            return new InternetAddress(settings.from().get(), true);
        }
        String fromSession = session.getProperty("mail.from");
        if (fromSession != null && !fromSession.isBlank()) {
            return new InternetAddress(fromSession, true);
        }
        return new InternetAddress("no-reply@" + settings.base().getHost(), false);
    }

    private Properties smtpProperties() {
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.smtpHost().orElseThrow());
        properties.setProperty("mail.smtp.port", String.valueOf(settings.smtpPort()));
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        if (settings.smtpUser().isPresent()) {
            properties.setProperty("mail.smtp.auth", "true");
        }
        if (settings.starttls()) {
            // refuse to talk on when the server offers no TLS, rather than send in the clear
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
            properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }

    private Optional<Session> serverSession() {
        for (String name : SESSION_NAMES) {
            try {
                Object found = new InitialContext().lookup(name);
                if (found instanceof Session server) {
                    route = name;
                    return Optional.of(server);
                }
            } catch (NamingException e) {
                // not bound on this server: try the next name
            }
        }
        return Optional.empty();
    }
}
