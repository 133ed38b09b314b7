package org.latchkey.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.token.TokenConfiguration;

@ApplicationScoped
public class MailConfiguration {

    @Inject
    Config config;

    @Produces
    @Singleton
    MailSettings settings() {
        return read(ConfigValues.of(config));
    }

    public static MailSettings read(ConfigValues values) {
        Optional<URI> publicUrl = values.text("latchkey.public-url").map(MailConfiguration::publicUrl);
        Optional<String> from = values.text("latchkey.mail.from");
        from.ifPresent(MailConfiguration::checkAddress);
        Optional<String> host = values.text("latchkey.mail.smtp.host");
        host.filter(h -> !h.matches("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]")).ifPresent(h -> {
            throw ConfigValues.refused("latchkey.mail.smtp.host", h,
                    "the SMTP server's host name or address alone, such as smtp.example.com (the port has its own setting)");
        });
        int port = values.integer("latchkey.mail.smtp.port", 25, 1, 65535);
        Optional<String> user = values.text("latchkey.mail.smtp.user");
        Optional<String> password = values.source("latchkey.mail.smtp.password");
        boolean starttls = values.bool("latchkey.mail.smtp.starttls", false);
        int limit = values.integer("latchkey.mail.hourly-limit", 3, 1, 1000);
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalStateException("latchkey.mail.smtp.user (LATCHKEY_MAIL_SMTP_USER) and"
                    + " latchkey.mail.smtp.password (LATCHKEY_MAIL_SMTP_PASSWORD) go together; set both or neither.");
        }
        if (password.isPresent() && !starttls && host.filter(MailConfiguration::loopback).isEmpty()) {
            throw new IllegalStateException("latchkey.mail.smtp.password would cross the network unencrypted; set"
                    + " latchkey.mail.smtp.starttls=true (LATCHKEY_MAIL_SMTP_STARTTLS) or use a relay on this host.");
        }
        if (host.isEmpty() && (user.isPresent() || values.text("latchkey.mail.smtp.port").isPresent())) {
            throw new IllegalStateException("latchkey.mail.smtp.port or .user is set but latchkey.mail.smtp.host"
                    + " (LATCHKEY_MAIL_SMTP_HOST) is not; set the SMTP server's host name.");
        }
        Optional<String> outbox = values.text("latchkey.mail.outbox");
        if (outbox.isPresent() && !outbox.get().equals("allow")) {
            throw ConfigValues.refused("latchkey.mail.outbox", outbox.get(), "allow, or leave it unset");
        }
        return new MailSettings(publicUrl, from, host, port, user, password, starttls, limit,
                TokenConfiguration.dataDir(values).resolve("outbox"), Duration.ofSeconds(2), outbox.isPresent());
    }

    private static URI publicUrl(String raw) {
        String trimmed = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
        try {
            URI uri = new URI(trimmed);
            boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            if (web && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw ConfigValues.refused("latchkey.public-url", raw,
                "the auth host's address as people reach it, such as https://auth.example.com");
    }

    private static void checkAddress(String address) {
        try {
            new InternetAddress(address, true);
        } catch (AddressException e) {
            throw ConfigValues.refused("latchkey.mail.from", address,
                    "a sender address such as Latchkey <no-reply@example.com>");
        }
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
