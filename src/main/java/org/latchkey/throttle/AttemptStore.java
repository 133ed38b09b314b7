package org.latchkey.throttle;

import java.time.Duration;
import java.time.Instant;

/** Where failed attempts are counted; a cluster puts this in a shared store. Implementations are thread-safe. */
public interface AttemptStore {

    /** The failures of {@code key} still inside {@code window} of the last one (zero failures when none). */
    Failures get(String key, Instant now, Duration window);

    /** Counts one more failure; the count restarts when the last failure is older than {@code window}. */
    Failures recordFailure(String key, Instant now, Duration window);

    void clear(String key);

    /** How many failures, and when the latest happened. */
    record Failures(int count, Instant last) {
        public static final Failures NONE = new Failures(0, Instant.EPOCH);
    }
}
