package org.latchkey.session;

import java.time.Duration;

/**
 * Session rules, from MicroProfile Config ({@code latchkey.session.*}).
 *
 * @param absoluteLifetime how long a family lives after its password login, however often it is refreshed
 * @param refreshGrace     how long after a rotation the old token still yields the same successor (parallel tabs)
 */
public record SessionSettings(Duration absoluteLifetime, Duration refreshGrace) {

    public SessionSettings {
        if (absoluteLifetime.isNegative() || absoluteLifetime.isZero()) {
            throw new IllegalStateException("latchkey.session.absolute-lifetime is " + absoluteLifetime
                    + "; set a positive ISO-8601 duration such as P30D.");
        }
        if (refreshGrace.isNegative() || refreshGrace.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalStateException("latchkey.session.refresh-grace is " + refreshGrace
                    + "; set it between PT0S and PT1M (default PT10S).");
        }
    }
}
