package org.latchkey.throttle;

import java.time.Instant;

/**
 * Where failed attempts are counted, under keys the throttle has already hashed. Every method runs in the caller's
 * transaction; {@link #hold} keeps the count to itself until that transaction ends, so two requests (on one
 * instance or two) never decide on the same count.
 */
public interface AttemptStore {

    /** The failures under {@code key}, held until the transaction ends; {@link Failures#NONE} when there are none. */
    Failures hold(String key, Instant now);

    /** Stores the count under {@code key} (held before), forgotten after {@code forgetAt}. */
    void put(String key, Failures failures, Instant forgetAt);

    /** Forgets every count whose time has come; returns how many. */
    int purge(Instant now);

    /** How many counts are kept. */
    long size();

    /** How many failures, and when the latest happened. */
    record Failures(int count, Instant last) {
        public static final Failures NONE = new Failures(0, Instant.EPOCH);
    }
}
