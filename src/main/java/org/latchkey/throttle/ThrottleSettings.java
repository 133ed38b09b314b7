package org.latchkey.throttle;

import java.time.Duration;
import java.util.Set;

/**
 * From MicroProfile Config ({@code latchkey.throttle.*}, {@code latchkey.trusted-proxies}).
 *
 * @param accountFailures failures per account before attempts must wait (default 5)
 * @param clientFailures  failures per client address before attempts must wait (default 50: a shared office
 *                        address must not throttle everyone behind it for one person's typos)
 * @param window          failures older than this are forgotten (default 15 minutes)
 * @param firstDelay      the first wait; each further failure doubles it (default 1 second)
 * @param maxDelay        the cap on a wait (default 15 minutes)
 * @param trustedProxies  addresses whose X-Forwarded-For is believed
 */
public record ThrottleSettings(int accountFailures, int clientFailures, Duration window, Duration firstDelay,
                               Duration maxDelay, Set<String> trustedProxies) {

    public ThrottleSettings {
        if (accountFailures < 1 || clientFailures < 1) {
            throw new IllegalStateException("latchkey.throttle.account-failures and client-failures must be 1 or more.");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0 || window.isNegative()) {
            throw new IllegalStateException("latchkey.throttle.first-delay must be positive and at most max-delay;"
                    + " window must not be negative.");
        }
        trustedProxies = Set.copyOf(trustedProxies);
    }
}
