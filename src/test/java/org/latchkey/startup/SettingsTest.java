package org.latchkey.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.consumer.ConsumerConfiguration;
import org.latchkey.password.PasswordPolicy;
import org.latchkey.token.TestKeys;

/**
 * Every documented setting, with a bad value, stops the deployment with its one-line message — and the README's
 * tables and the code read exactly the same names, so a setting added to one and not the other fails here.
 * Latchkey's table is the one under "## Configuration", the consumer's the one under "A Jakarta EE service".
 */
class SettingsTest {

    private static final PasswordPolicy POLICY = new PasswordPolicy();

    @TempDir
    Path data;

    /** Bad values for Latchkey's settings: name → {value, what the one-line refusal must say}. */
    static final List<String[]> LATCHKEY_BAD = List.of(
            new String[] {"JWT_SIGNING_KEY", "only-thirty-two-bytes-long-key!!", "JWT_SIGNING_KEY is 32 bytes long"},
            new String[] {"latchkey.data.dir", "relative/dir", "latchkey.data.dir (LATCHKEY_DATA_DIR) is 'relative/dir'; set an absolute directory path"},
            new String[] {"latchkey.data.dir", "${latchkey.data.dir}", "set an absolute directory path"},
            new String[] {"latchkey.cookie.domain", "exa mple.com", "latchkey.cookie.domain is 'exa mple.com'"},
            new String[] {"latchkey.cookie.secure", "yes", "latchkey.cookie.secure (LATCHKEY_COOKIE_SECURE) is 'yes'; set true or false"},
            new String[] {"latchkey.cookie.access-name", "latchkey.access", "latchkey.cookie.access-name is 'latchkey.access' but cookies are Secure"},
            new String[] {"latchkey.cookie.refresh-name", "latchkey.refresh", "latchkey.cookie.refresh-name is 'latchkey.refresh' but cookies are Secure"},
            new String[] {"latchkey.jwt.algorithm", "none", "latchkey.jwt.algorithm is none"},
            new String[] {"latchkey.jwt.private-key", "not a pem", "latchkey.jwt.private-key"},
            new String[] {"latchkey.jwt.private-key-file", "/nonexistent/key.pem", "latchkey.jwt.private-key"},
            new String[] {"latchkey.jwt.previous-public-keys", "/nonexistent/old.pem", "previous-public-keys"},
            new String[] {"latchkey.jwt.mp-claims", "on", "latchkey.jwt.mp-claims (LATCHKEY_JWT_MP_CLAIMS) is 'on'; set true or false"},
            new String[] {"latchkey.jwt.access-lifetime", "5m", "latchkey.jwt.access-lifetime (LATCHKEY_JWT_ACCESS_LIFETIME) is '5m'; set an ISO-8601 duration"},
            new String[] {"latchkey.jwt.access-lifetime", "banana", "is 'banana'; set an ISO-8601 duration"},
            new String[] {"latchkey.jwt.access-lifetime", "PT0S", "latchkey.jwt.access-lifetime is PT0S; set it to a positive"},
            new String[] {"latchkey.jwt.access-lifetime", "PT2H", "latchkey.jwt.access-lifetime is PT2H; set at most PT1H"},
            new String[] {"latchkey.jwt.refresh-lifetime", "30d", "latchkey.jwt.refresh-lifetime (LATCHKEY_JWT_REFRESH_LIFETIME) is '30d'"},
            new String[] {"latchkey.jwt.refresh-lifetime", "PT1M", "not longer than the access lifetime"},
            new String[] {"latchkey.jwt.leeway", "PT10M", "latchkey.jwt.leeway is PT10M; set it between PT0S and PT5M"},
            new String[] {"latchkey.jwt.issuer", "two words", "latchkey.jwt.issuer is 'two words'; set one word"},
            new String[] {"latchkey.jwt.audience", "a b", "latchkey.jwt.audience is 'a b'; set one word"},
            new String[] {"latchkey.redirect.allowed-hosts", "https://partner.example.org/", "latchkey.redirect.allowed-hosts (LATCHKEY_REDIRECT_ALLOWED_HOSTS) is 'https://partner.example.org/'"},
            new String[] {"latchkey.password.bcrypt-cost", "3", "latchkey.password.bcrypt-cost (LATCHKEY_PASSWORD_BCRYPT_COST) is '3'; set a whole number from 4 to 31"},
            new String[] {"latchkey.password.concurrency", "0", "latchkey.password.concurrency (LATCHKEY_PASSWORD_CONCURRENCY) is '0'; set a whole number from 1 to 1024"},
            new String[] {"latchkey.password.queue", "-1", "latchkey.password.queue (LATCHKEY_PASSWORD_QUEUE) is '-1'; set a whole number from 0 to 100000"},
            new String[] {"latchkey.metrics.token", "short-secret", "latchkey.metrics.token (LATCHKEY_METRICS_TOKEN) is 12 characters long; set at least 32 random ones"},
            new String[] {"latchkey.password.max-wait", "PT5M", "latchkey.password.max-wait (LATCHKEY_PASSWORD_MAX_WAIT) is 'PT5M'; set a duration from PT0.01S to PT1M"},
            new String[] {"latchkey.password.max-wait", "soon", "latchkey.password.max-wait (LATCHKEY_PASSWORD_MAX_WAIT) is 'soon'; set an ISO-8601 duration such as PT2S (PT30S, PT15M, P5D)"},
            new String[] {"latchkey.session.absolute-lifetime", "-P1D", "latchkey.session.absolute-lifetime is PT-24H"},
            new String[] {"latchkey.session.django-refresh-lifetime", "PT0S", "latchkey.session.django-refresh-lifetime is PT0S; set the Django service's REFRESH_TOKEN_LIFETIME (the article's P5D), from a second to P365D."},
            new String[] {"latchkey.session.refresh-grace", "PT1H", "latchkey.session.refresh-grace is PT1H; set it between PT0S and PT1M"},
            new String[] {"latchkey.session.django-refresh-cookie", "bad name", "latchkey.session.django-refresh-cookie is 'bad name'; set a cookie name"},
            new String[] {"latchkey.session.django-cutover", "2027-01-15 06:00", "latchkey.session.django-cutover (LATCHKEY_SESSION_DJANGO_CUTOVER) is '2027-01-15 06:00'; set an ISO-8601 instant"},
            new String[] {"latchkey.throttle.account-failures", "0", "latchkey.throttle.account-failures (LATCHKEY_THROTTLE_ACCOUNT_FAILURES) is '0'"},
            new String[] {"latchkey.throttle.client-failures", "lots", "latchkey.throttle.client-failures (LATCHKEY_THROTTLE_CLIENT_FAILURES) is 'lots'"},
            new String[] {"latchkey.throttle.window", "PT0S", "latchkey.throttle.window is PT0S, which would turn throttling off"},
            new String[] {"latchkey.throttle.window", "PT5M", "latchkey.throttle.max-delay is PT15M, longer than the window PT5M"},
            new String[] {"latchkey.throttle.first-delay", "PT0S", "latchkey.throttle.first-delay is PT0S"},
            new String[] {"latchkey.throttle.max-delay", "PT1H", "latchkey.throttle.max-delay is PT1H, longer than the window PT15M"},
            new String[] {"latchkey.trusted-proxies", "proxy.internal", "latchkey.trusted-proxies (LATCHKEY_TRUSTED_PROXIES) has 'proxy.internal'"},
            new String[] {"latchkey.trusted-proxies", "10.0.0.0/33", "latchkey.trusted-proxies (LATCHKEY_TRUSTED_PROXIES) has '10.0.0.0/33'"},
            new String[] {"latchkey.trusted-proxies", "10.0.0.256", "latchkey.trusted-proxies (LATCHKEY_TRUSTED_PROXIES) has '10.0.0.256'"},
            new String[] {"latchkey.trusted-proxies", "fe80::1%eth0", "latchkey.trusted-proxies (LATCHKEY_TRUSTED_PROXIES) has 'fe80::1%eth0'"},
            new String[] {"latchkey.forwarded-header", "X-Real-IP", "latchkey.forwarded-header (LATCHKEY_FORWARDED_HEADER) is 'X-Real-IP'; set X-Forwarded-For (the default) or Forwarded"},
            new String[] {"latchkey.admin.email", "not-an-email", "LATCHKEY_ADMIN_EMAIL and LATCHKEY_ADMIN_PASSWORD must both be set"},
            new String[] {"latchkey.admin.password", "password", "latchkey.admin.password (LATCHKEY_ADMIN_PASSWORD) does not pass the password policy"},
            new String[] {"latchkey.public-url", "auth.example.com", "latchkey.public-url (LATCHKEY_PUBLIC_URL) is 'auth.example.com'; set the auth host's address"},
            new String[] {"latchkey.public-url", "https://auth.example.com/?next=x", "latchkey.public-url (LATCHKEY_PUBLIC_URL) is 'https://auth.example.com/?next=x'"},
            new String[] {"latchkey.mail.smtp.host", "smtp.example.com:587", "latchkey.mail.smtp.host (LATCHKEY_MAIL_SMTP_HOST) is 'smtp.example.com:587'; set the SMTP server's host name"},
            new String[] {"latchkey.mail.smtp.port", "smtp", "latchkey.mail.smtp.port (LATCHKEY_MAIL_SMTP_PORT) is 'smtp'; set a whole number from 1 to 65535"},
            new String[] {"latchkey.mail.smtp.user", "mailer", "latchkey.mail.smtp.user (LATCHKEY_MAIL_SMTP_USER) and latchkey.mail.smtp.password (LATCHKEY_MAIL_SMTP_PASSWORD) go together"},
            new String[] {"latchkey.mail.smtp.password", "secret", "latchkey.mail.smtp.user (LATCHKEY_MAIL_SMTP_USER) and latchkey.mail.smtp.password"},
            new String[] {"latchkey.mail.smtp.starttls", "maybe", "latchkey.mail.smtp.starttls (LATCHKEY_MAIL_SMTP_STARTTLS) is 'maybe'; set true or false"},
            new String[] {"latchkey.mail.from", "not an address@", "latchkey.mail.from (LATCHKEY_MAIL_FROM) is 'not an address@'"},
            new String[] {"latchkey.mail.hourly-limit", "0", "latchkey.mail.hourly-limit (LATCHKEY_MAIL_HOURLY_LIMIT) is '0'; set a whole number from 1 to 1000"},
            new String[] {"latchkey.mail.outbox", "maybe", "latchkey.mail.outbox (LATCHKEY_MAIL_OUTBOX) is 'maybe'; set allow, or leave it unset"},
            new String[] {"latchkey.reset.lifetime", "P2D", "latchkey.reset.lifetime (LATCHKEY_RESET_LIFETIME) is 'PT48H'; set a duration from PT1S to PT24H"},
            new String[] {"latchkey.registration.email-verification", "optional", "latchkey.registration.email-verification (LATCHKEY_REGISTRATION_EMAIL_VERIFICATION) is 'optional'; set required or off"},
            new String[] {"latchkey.registration.verification-lifetime", "PT0S", "latchkey.registration.verification-lifetime (LATCHKEY_REGISTRATION_VERIFICATION_LIFETIME) is 'PT0S'"});

    /** Bad values for the consumer's settings, with a valid shared key unless the row replaces it. */
    static final List<String[]> CONSUMER_BAD = List.of(
            new String[] {"JWT_SIGNING_KEY", "short", "JWT_SIGNING_KEY is 5 bytes long"},
            new String[] {"latchkey.jwks-url", "ftp://auth.example.com/keys", "latchkey.jwks-url is 'ftp://auth.example.com/keys'"},
            new String[] {"latchkey.jwks-url", "http://auth.example.com/.well-known/jwks.json", "plain http to another host"},
            new String[] {"latchkey.jwks.cache", "10m", "latchkey.jwks.cache (LATCHKEY_JWKS_CACHE) is '10m'"},
            new String[] {"latchkey.jwks.min-refresh", "soon", "latchkey.jwks.min-refresh (LATCHKEY_JWKS_MIN_REFRESH) is 'soon'"},
            new String[] {"latchkey.login-url", "auth.example.com/login", "latchkey.login-url is 'auth.example.com/login'"},
            new String[] {"latchkey.cookie.secure", "1", "latchkey.cookie.secure (LATCHKEY_COOKIE_SECURE) is '1'"},
            new String[] {"latchkey.cookie.access-name", "__Secure-latchkey.access,latchkey.access", "latchkey.cookie.access-name has 'latchkey.access' but cookies are Secure"},
            new String[] {"latchkey.jwt.algorithms", "none", "latchkey.jwt.algorithms is [none]"},
            new String[] {"latchkey.jwt.leeway", "10s", "latchkey.jwt.leeway (LATCHKEY_JWT_LEEWAY) is '10s'"},
            new String[] {"latchkey.jwt.issuer", "two words", "latchkey.jwt.issuer is 'two words'; set one word"},
            new String[] {"latchkey.jwt.audience", "a b", "latchkey.jwt.audience is 'a b'; set one word"},
            new String[] {"latchkey.verifier.cache-size", "-1", "latchkey.verifier.cache-size (LATCHKEY_VERIFIER_CACHE_SIZE) is '-1'"});

    private Map<String, String> latchkeyDefaults() {
        return new HashMap<>(Map.of("latchkey.data.dir", data.toString()));
    }

    private static Map<String, String> consumerDefaults() {
        return new HashMap<>(Map.of("JWT_SIGNING_KEY", TestKeys.random()));
    }

    private Set<String> readByLatchkey(Map<String, String> values) {
        ConfigValues config = ConfigValues.of(values);
        Settings.readAll(config, POLICY);
        return config.names();
    }

    private static Set<String> readByConsumer(Map<String, String> values) {
        ConfigValues config = ConfigValues.of(values);
        ConsumerConfiguration.read(config);
        return config.names();
    }

    @Test
    void latchkeyReadsExactlyTheSettingsItsReadmeTableDocuments() throws IOException {
        assertEquals(table("## Configuration"), new TreeSet<>(readByLatchkey(latchkeyDefaults())));
    }

    @Test
    void theConsumerReadsExactlyTheSettingsItsReadmeTableDocuments() throws IOException {
        assertEquals(table("### A Jakarta EE service"), new TreeSet<>(readByConsumer(consumerDefaults())));
    }

    @Test
    void everyLatchkeySettingRefusesABadValueWithItsOneLine() throws IOException {
        refusesEach(table("## Configuration"), LATCHKEY_BAD, this::latchkeyDefaults, this::readByLatchkey);
    }

    @Test
    void everyConsumerSettingRefusesABadValueWithItsOneLine() throws IOException {
        refusesEach(table("### A Jakarta EE service"), CONSUMER_BAD, SettingsTest::consumerDefaults,
                SettingsTest::readByConsumer);
    }

    private static void refusesEach(Set<String> documented, List<String[]> cases,
                                    java.util.function.Supplier<Map<String, String>> defaults,
                                    Function<Map<String, String>, Set<String>> read) {
        Set<String> covered = new LinkedHashSet<>();
        for (String[] bad : cases) {
            Map<String, String> values = defaults.get();
            values.put(bad[0], bad[1]);
            if (bad[0].equals("latchkey.admin.password")) {
                values.put("latchkey.admin.email", "root@example.test");
            }
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> read.apply(values),
                    bad[0] + "=" + bad[1] + " must stop the deployment");
            assertTrue(refused.getMessage().contains(bad[2]), bad[0] + "=" + bad[1] + ": " + refused.getMessage());
            assertTrue(!refused.getMessage().contains("\n") && refused.getMessage().length() < 400,
                    "one line: " + refused.getMessage());
            covered.add(bad[0]);
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(covered);
        assertEquals(Set.of(), missing, "documented settings without a bad-value case");
    }

    @Test
    void goodValuesAreTakenAsWritten() throws Exception {
        Map<String, String> values = latchkeyDefaults();
        values.putAll(Map.of("latchkey.jwt.access-lifetime", "PT2M", "latchkey.jwt.refresh-lifetime", "P30D",
                "latchkey.throttle.window", "PT30M", "latchkey.trusted-proxies", "10.0.0.2, ::1, 172.16.0.0/12, fd00::/8",
                "latchkey.cookie.secure", "FALSE"));
        ConfigValues config = ConfigValues.of(values);
        Settings.Summary summary = Settings.readAll(config, POLICY);
        assertEquals(java.time.Duration.ofMinutes(2), summary.tokens().accessLifetime());
        assertEquals(java.time.Duration.ofDays(30), summary.tokens().refreshLifetime());
        assertEquals("latchkey.access", summary.cookies().accessName(), "plain http: unprefixed names");
        assertEquals(data, summary.dataDir());
        Map<String, String> consumer = consumerDefaults();
        consumer.put("latchkey.jwks-url", "http://127.0.0.1:8080/.well-known/jwks.json");
        consumer.put("latchkey.jwt.algorithms", "RS256");
        ConsumerConfiguration.read(ConfigValues.of(consumer)); // loopback http is fine
    }

    /** The property names in the first table after {@code heading}. */
    static Set<String> table(String heading) throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n" + heading);
        assertTrue(start >= 0, "README has " + heading);
        String rest = readme.substring(start);
        int tableStart = rest.indexOf("\n| Property |");
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `([A-Za-z0-9_.-]+)` \\|", Pattern.MULTILINE).matcher(rest);
        int end = rest.indexOf("\n\n", tableStart + 1);
        row.region(tableStart, end < 0 ? rest.length() : end);
        while (row.find()) {
            names.add(row.group(1));
        }
        assertTrue(!names.isEmpty(), "a table under " + heading);
        return names;
    }
}
