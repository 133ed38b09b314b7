package org.latchkey.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.latchkey.audit.AuditEvent;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.password.PasswordWork;
import org.latchkey.session.SessionService;

/** The audit trail's events as counters with bounded labels, and the names an operator's dashboards use. */
class MetricsTest {

    private static Metrics metrics(long activeSignIns) {
        Metrics metrics = new Metrics();
        metrics.passwords = new PasswordWork(new PasswordWork.Limits(Runtime.getRuntime().availableProcessors(), 8));
        metrics.passwords.run(() -> "a check");
        metrics.sessions = new SessionService() {
            @Override
            public long activeSignIns() {
                return activeSignIns;
            }
        };
        metrics.start();
        return metrics;
    }

    /** The value of one series in the text format, or -1 when it is not there. */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Test
    void auditEventsAreCountedByTheirOutcome() {
        Metrics metrics = metrics(7);
        String before = metrics.scrape();
        assertEquals(0, value(before, "latchkey_sign_ins_total{outcome=\"wrong\"}"), "every outcome from the start");
        assertEquals(0, value(before, "latchkey_refreshes_total{outcome=\"reuse_detected\"}"));
        for (String outcome : new String[] {"success", "success", "wrong-password", "unknown-email", "inactive", "throttled",
                "busy", "unverified-link-sent"}) {
            metrics.count(new AuditEvent("login", outcome));
        }
        metrics.count(new AuditEvent("refresh", "success"));
        metrics.count(new AuditEvent("refresh", "success-same-successor"));
        metrics.count(new AuditEvent("refresh", "revoked"));
        metrics.count(new AuditEvent("refresh", "not-valid"));
        metrics.count(new AuditEvent("refresh", "redirect-loop"));
        metrics.count(new AuditEvent("refresh-reuse-detected", "family-revoked"));
        metrics.count(new AuditEvent("mail-reset", "dropped-queue-full"));
        metrics.count(new AuditEvent("mail-reset", "dropped-executor-refused"));
        metrics.count(new AuditEvent("mail-reset", "sent"));
        metrics.count(new AuditEvent("mail-reset", "retrying after attempt 1: Connection refused: localhost/127.0.0.1:3025"));
        metrics.count(new AuditEvent("unverified-accounts-removed", "12"));
        String scrape = metrics.scrape();
        assertEquals(2, value(scrape, "latchkey_sign_ins_total{outcome=\"ok\"}"), scrape);
        for (String outcome : new String[] {"wrong", "unknown", "inactive", "throttled", "busy", "unverified"}) {
            assertEquals(1, value(scrape, "latchkey_sign_ins_total{outcome=\"" + outcome + "\"}"), outcome);
        }
        assertEquals(2, value(scrape, "latchkey_refreshes_total{outcome=\"ok\"}"));
        assertEquals(1, value(scrape, "latchkey_refreshes_total{outcome=\"revoked\"}"));
        assertEquals(1, value(scrape, "latchkey_refreshes_total{outcome=\"not_valid\"}"));
        assertEquals(1, value(scrape, "latchkey_refreshes_total{outcome=\"reuse_detected\"}"));
        assertEquals(0, value(scrape, "latchkey_refreshes_total{outcome=\"expired\"}"), "a redirect loop is no refresh");
        assertEquals(1, value(scrape, "latchkey_events_total{event=\"refresh\",outcome=\"redirect-loop\"}"), scrape);
        assertEquals(1, value(scrape, "latchkey_events_total{event=\"mail-reset\",outcome=\"retrying after attempt n\"}"),
                "free text and numbers never become labels");
        assertEquals(1, value(scrape, "latchkey_events_total{event=\"unverified-accounts-removed\",outcome=\"n\"}"));
        assertEquals(0, value(scrape, "latchkey_mail_dropped_total{kind=\"password-notice\"}"), "every kind from zero");
        assertEquals(2, value(scrape, "latchkey_mail_dropped_total{kind=\"reset\"}"), scrape);
        assertFalse(scrape.contains("Connection refused") || scrape.contains("127.0.0.1"), scrape);
        assertEquals(7, value(scrape, "latchkey_active_sign_ins"));
        assertEquals(1, value(scrape, "latchkey_bcrypt_checks_total"));
        assertEquals(0, value(scrape, "latchkey_bcrypt_busy_total"));
        assertEquals(0, value(scrape, "latchkey_bcrypt_in_flight"));
        assertEquals(Runtime.getRuntime().availableProcessors(), value(scrape, "latchkey_bcrypt_concurrency"));
        assertTrue(value(scrape, "latchkey_bcrypt_wait_seconds_total") >= 0, scrape);
        assertTrue(value(scrape, "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"}") >= 0
                || scrape.contains("jvm_memory_used_bytes{area=\"heap\""), "the JVM's own figures");
    }

    @Test
    void tokenChecksAreTimed() {
        Metrics metrics = metrics(0);
        metrics.tokenChecked(2_000_000);
        metrics.tokenChecked(4_000_000);
        String scrape = metrics.scrape();
        assertEquals(2, value(scrape, "latchkey_token_verification_seconds_count"), scrape);
        assertEquals(0.006, value(scrape, "latchkey_token_verification_seconds_sum"), 1e-9);
        assertEquals(0.004, value(scrape, "latchkey_token_verification_seconds_max"), 1e-9);
    }

    @Test
    void theTokenIsLongOrAbsentAndNeverLogged() {
        assertTrue(MetricsServlet.token(ConfigValues.of(Map.<String, String>of())).isEmpty(), "unset: /metrics is off");
        String good = "0123456789abcdef0123456789abcdef";
        assertEquals(good, MetricsServlet.token(ConfigValues.of(Map.of("latchkey.metrics.token", good))).orElseThrow());
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> MetricsServlet.token(ConfigValues.of(Map.of("latchkey.metrics.token", "hunter2-hunter2"))));
        assertEquals("latchkey.metrics.token (LATCHKEY_METRICS_TOKEN) is 15 characters long; set at least 32 random ones"
                + " (openssl rand -hex 32), or leave it unset to turn /metrics off.", refused.getMessage());
        assertFalse(refused.getMessage().contains("hunter2"));
    }
}
