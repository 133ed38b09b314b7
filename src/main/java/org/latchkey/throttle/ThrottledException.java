package org.latchkey.throttle;

import java.time.Duration;

/** This request must wait: pages say how long, the API answers 429 with {@code Retry-After}. */
public class ThrottledException extends RuntimeException {

    private final Duration wait;

    public ThrottledException(Duration wait) {
        super("throttled for " + wait, null, false, false);
        this.wait = wait;
    }

    public Duration waitFor() {
        return wait;
    }

    /** The wait in whole seconds, at least 1. */
    public long seconds() {
        return LoginThrottle.seconds(wait);
    }
}
