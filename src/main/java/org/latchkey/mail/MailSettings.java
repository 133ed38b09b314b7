package org.latchkey.mail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How mail leaves Latchkey, from MicroProfile Config ({@code latchkey.mail.*}, {@code latchkey.public-url}).
 *
 * @param publicUrl   the auth host's address as people reach it: every link in a mail starts with it (never with a
 *                    request's Host header, which the sender of a request chooses); empty when not set
 * @param from        the sender; empty: the mail session's {@code mail.from}, else {@code no-reply@} the public host
 * @param smtpHost    an SMTP server, used when the server offers no {@code mail/latchkey} session
 * @param hourlyLimit at most this many mails of one kind to one address per hour (resets, verifications, notices)
 * @param outbox      where letters go when there is neither a session nor an SMTP host
 * @param outboxAllowed {@code latchkey.mail.outbox=allow}: letters may land in the outbox although cookies are
 *                      Secure (a production set-up), where they would hold live links in files
 */
public record MailSettings(Optional<URI> publicUrl, Optional<String> from, Optional<String> smtpHost, int smtpPort,
                           Optional<String> smtpUser, Optional<String> smtpPassword, boolean starttls, int hourlyLimit,
                           Path outbox, Duration retryDelay, boolean outboxAllowed) {

    static final URI LOCAL = URI.create("http://localhost:8080");

    /** An absolute link on the auth host: {@code /password-reset/new-password?token=…}. */
    public String link(String path, String token) {
        return publicUrl.orElse(LOCAL).toString() + path + "?token=" + token;
    }

    /** Links point to the run command's own address until the operator names the real one. */
    public URI base() {
        return publicUrl.orElse(LOCAL);
    }
}
