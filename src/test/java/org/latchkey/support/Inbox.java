package org.latchkey.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test JVM (GreenMail) on a port of its own: what Latchkey sends is received, parsed and
 * read here. It can be stopped and started again on the same port (a mail server that goes away).
 */
public final class Inbox implements AutoCloseable {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");
    private final ServerSetup setup;
    private GreenMail mail;

    public Inbox() throws IOException {
        setup = new ServerSetup(PayaraMicroProcess.reservePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        start();
    }

    public int port() {
        return setup.getPort();
    }

    public void start() {
        mail = new GreenMail(setup);
        mail.start();
    }

    public void stop() {
        mail.stop();
    }

    /** Every message received so far for this address (any case), oldest first. */
    public List<Mail> to(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equalsIgnoreCase(address))
                .map(Mail::of).toList();
    }

    /** Waits up to 15 s until this address has {@code count} messages; returns them all. */
    public List<Mail> await(String address, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Mail> received = to(address);
            if (received.size() >= count) {
                return received;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(address + " received " + to(address).size() + " messages, not " + count + ": "
                + to(address).stream().map(Mail::subject).toList());
    }

    /** Every message so far for this address whose subject starts with {@code subject}. */
    public List<Mail> to(String address, String subject) {
        return to(address).stream().filter(m -> m.subject().startsWith(subject)).toList();
    }

    /** Waits up to 15 s until this address has {@code count} messages with that subject; returns the newest. */
    public Mail latest(String address, String subject, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<Mail> received = to(address, subject);
            if (received.size() >= count) {
                return received.get(received.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError(address + " received " + to(address, subject).size() + " messages '" + subject
                + "…', not " + count + "; all: " + to(address).stream().map(Mail::subject).toList());
    }

    /** The newest message for this address once there are {@code count}. */
    public Mail latest(String address, int count) throws InterruptedException {
        List<Mail> all = await(address, count);
        return all.get(all.size() - 1);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        mail.stop();
    }

    /** One received message: its subject, sender, plain text and HTML, and the first link in the text. */
    public record Mail(String subject, String from, String text, String html) {

        /** A message as a file holds it (the outbox's {@code .eml}). */
        public static Mail read(java.nio.file.Path eml) throws IOException {
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(eml)) {
                return of(new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }

        static Mail of(MimeMessage message) {
            try {
                MimeMultipart parts = (MimeMultipart) message.getContent();
                return new Mail(message.getSubject(), message.getFrom()[0].toString(),
                        (String) parts.getBodyPart(0).getContent(), (String) parts.getBodyPart(1).getContent());
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public String link() {
            Matcher m = LINK.matcher(text);
            if (!m.find()) {
                throw new AssertionError("no link in: " + text);
            }
            return m.group();
        }

        public boolean hasLink() {
            return LINK.matcher(text).find();
        }
    }
}
