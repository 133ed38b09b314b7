package org.latchkey.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.latchkey.audit.AuditEvent;
import org.latchkey.password.PasswordWork;
import org.latchkey.session.SessionService;

/**
 * What an operator graphs, in Prometheus's text format at {@code /metrics} ({@link MetricsServlet}). The counts of
 * sign-ins, refreshes and every other event come from the audit trail's events, so the two never disagree; the
 * bulkhead's counters, the live sign-ins and the token check's time are read where they are kept. The same names on
 * every server: Micrometer's Prometheus registry ships in the WAR.
 */
@ApplicationScoped
public class Metrics {

    /** The audit trail's login outcomes, by the name the metric gives them. */
    static final Map<String, String> SIGN_INS = Map.of("success", "ok", "wrong-password", "wrong",
            "unknown-email", "unknown", "inactive", "inactive", "throttled", "throttled", "busy", "busy",
            "unverified-link-sent", "unverified");
    /** The refresh outcomes (a redirect loop on the login page is no refresh). */
    static final Map<String, String> REFRESHES = Map.of("success", "ok", "success-same-successor", "ok",
            "session-expired", "expired", "expired", "expired", "revoked", "revoked", "unknown", "not_valid",
            "not-valid", "not_valid", "inactive", "inactive");
    private static final Pattern NUMBERS = Pattern.compile("[0-9]+");

    @Inject
    PasswordWork passwords;

    @Inject
    SessionService sessions;

    private PrometheusMeterRegistry registry;
    private Timer tokenChecks;

    @PostConstruct
    void start() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (String outcome : SIGN_INS.values()) { // every series from the start: a rate needs its zero
            signIns(outcome);
        }
        for (String outcome : REFRESHES.values()) {
            refreshes(outcome);
        }
        refreshes("reuse_detected");
        for (String kind : new String[] {"reset", "register", "password-notice", "new-device", "verify", "email-change",
                "email-changed"}) {
            mailDropped(kind);
        }
        Gauge.builder("latchkey.bcrypt.in.flight", passwords, PasswordWork::inFlight)
                .description("bcrypt checks running or waiting for a turn now").register(registry);
        Gauge.builder("latchkey.bcrypt.concurrency", passwords, p -> p.limits().concurrency())
                .description("latchkey.password.concurrency: checks at once").register(registry);
        Gauge.builder("latchkey.bcrypt.queue", passwords, p -> p.limits().queue())
                .description("latchkey.password.queue: checks that may wait for a turn").register(registry);
        FunctionCounter.builder("latchkey.bcrypt.checks", passwords, PasswordWork::checks)
                .description("bcrypt checks run (sign-ins, unknown addresses, current passwords, hashing)").register(registry);
        FunctionCounter.builder("latchkey.bcrypt.busy", passwords, PasswordWork::refused)
                .description("attempts answered busy (503): the bulkhead was full or no turn came within max-wait")
                .register(registry);
        FunctionCounter.builder("latchkey.bcrypt.wait", passwords, p -> p.waitedNanos() / 1e9).baseUnit("seconds")
                .description("time checks waited for a turn, in all").register(registry);
        Gauge.builder("latchkey.active.sign.ins", sessions, Metrics::activeSignIns)
                .description("sign-ins (refresh families) that can still refresh, on every instance").register(registry);
        tokenChecks = Timer.builder("latchkey.token.verification")
                .description("checking an access token on the auth host: signature, expiry, standing").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    void count(@Observes AuditEvent event) {
        String outcome = outcome(event.outcome());
        Counter.builder("latchkey.events").description("every audit event, by event and outcome")
                .tags("event", event.event(), "outcome", outcome).register(registry).increment();
        if (event.event().equals("login") && SIGN_INS.containsKey(event.outcome())) {
            signIns(SIGN_INS.get(event.outcome())).increment();
        } else if (event.event().equals("refresh") && REFRESHES.containsKey(event.outcome())) {
            refreshes(REFRESHES.get(event.outcome())).increment();
        } else if (event.event().equals("refresh-reuse-detected")) {
            refreshes("reuse_detected").increment();
        } else if (event.event().startsWith("mail-") && outcome.startsWith("dropped")) {
            mailDropped(event.event().substring("mail-".length())).increment();
        }
    }

    /** Read at each scrape; while the database is away the gauge says NaN (no value), the rest still answers. */
    private static double activeSignIns(SessionService sessions) {
        try {
            return sessions.activeSignIns();
        } catch (RuntimeException databaseAway) {
            return Double.NaN;
        }
    }

    /** An audit outcome as a label: free text after a colon dropped, numbers as {@code n} — a bounded set. */
    static String outcome(String audited) {
        String head = audited == null ? "" : audited.split(":", 2)[0].strip();
        head = NUMBERS.matcher(head).replaceAll("n");
        return head.length() > 40 ? head.substring(0, 40) : head;
    }

    private Counter signIns(String outcome) {
        return Counter.builder("latchkey.sign.ins").description("password sign-ins (form and API) by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter mailDropped(String kind) {
        return Counter.builder("latchkey.mail.dropped").description("mail work dropped because its queue was full, by kind")
                .tag("kind", Metrics.outcome(kind)).register(registry);
    }

    private Counter refreshes(String outcome) {
        return Counter.builder("latchkey.refreshes").description("refreshes (silent and API) by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** Records one access-token check on the auth host. */
    public void tokenChecked(long nanos) {
        tokenChecks.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Everything, in Prometheus's text format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }
}
