package org.latchkey.startup;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.latchkey.session.SessionService;
import org.latchkey.throttle.LoginThrottle;

/**
 * Keeps the tables that grow with traffic bounded: forgotten throttle counts and refresh tokens a day past their
 * expiry or revocation are deleted every few minutes, by every instance (the deletes are idempotent). Unverified
 * accounts and old links have their own schedule ({@code registration.VerificationService}).
 */
@ApplicationScoped
public class Housekeeping {

    static final Duration EVERY = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    @Inject
    LoginThrottle throttle;

    @Inject
    SessionService sessions;

    @Resource
    ManagedScheduledExecutorService executor;

    void start() {
        executor.scheduleWithFixedDelay(this::run, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round; a failure (the database away) is logged and the next round tries again. */
    public void run() {
        try {
            Instant now = Instant.now();
            int counts = throttle.purge(now);
            int tokens = sessions.purge(now);
            if (counts + tokens > 0) {
                LOG.fine(() -> "housekeeping: " + counts + " throttle counts, " + tokens + " refresh tokens deleted");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "housekeeping failed; trying again in {0}: {1}", new Object[] {EVERY, e.toString()});
        }
    }
}
