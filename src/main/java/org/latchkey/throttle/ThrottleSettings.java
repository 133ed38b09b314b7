package org.latchkey.throttle;

import java.time.Duration;

/**
 * From MicroProfile Config ({@code latchkey.throttle.*}, {@code latchkey.trusted-proxies}).
 *
 * @param accountFailures failures per account before attempts must wait (default 5)
 * @param clientFailures  failures per client address before attempts must wait (default 50: a shared office
 *                        address must not throttle everyone behind it for one person's typos)
 * @param window          failures older than this are forgotten (default 15 minutes)
 * @param firstDelay      the first wait; each further failure doubles it (default 1 second)
 * @param maxDelay        the cap on a wait (default 15 minutes)
 * @param trustedProxies  addresses and ranges whose forwarding header is believed, and which header that is
 */
public record ThrottleSettings(int accountFailures, int clientFailures, Duration window, Duration firstDelay,
                               Duration maxDelay, TrustedProxies trustedProxies) {

    public ThrottleSettings {
        if (accountFailures < 1 || clientFailures < 1) {
            throw new IllegalStateException("latchkey.throttle.account-failures and client-failures must be 1 or more.");
        }
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalStateException("latchkey.throttle.first-delay is " + firstDelay + "; set a positive duration such as PT1S.");
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalStateException("latchkey.throttle.max-delay is " + maxDelay + ", shorter than first-delay "
                    + firstDelay + "; set it to first-delay or longer (default PT15M).");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalStateException("latchkey.throttle.window is " + window
                    + ", which would turn throttling off; set a positive duration such as PT15M.");
        }
        if (maxDelay.compareTo(window) > 0) {
            throw new IllegalStateException("latchkey.throttle.max-delay is " + maxDelay + ", longer than the window "
                    + window + " in which failures are counted; set max-delay at most the window.");
        }
        java.util.Objects.requireNonNull(trustedProxies);
    }
}
