package org.latchkey.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** Counts in this server's memory: enough for one instance; lost on restart, which only forgives. */
@ApplicationScoped
public class InMemoryAttemptStore implements AttemptStore {

    /** Bounds memory under a spray of random emails: past this many keys, the stale ones are dropped. */
    static final int MAX_KEYS = 100_000;

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    @Override
    public Failures get(String key, Instant now, Duration window) {
        Failures current = failures.get(key);
        return current == null || current.last().plus(window).isBefore(now) ? Failures.NONE : current;
    }

    @Override
    public Failures recordFailure(String key, Instant now, Duration window) {
        if (failures.size() >= MAX_KEYS) {
            failures.values().removeIf(f -> f.last().plus(window).isBefore(now));
        }
        return failures.compute(key, (k, old) -> old == null || old.last().plus(window).isBefore(now)
                ? new Failures(1, now) : new Failures(old.count() + 1, now));
    }

    @Override
    public void clear(String key) {
        failures.remove(key);
    }
}
