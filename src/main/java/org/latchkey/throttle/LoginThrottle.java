package org.latchkey.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a login attempt must wait. The wait after {@code n} failures (n at or past the threshold) is
 * {@code firstDelay · 2^(n − threshold)}, capped, counted from the latest failure. Attempts refused for waiting are
 * not counted, so a patient person always gets through and an attacker cannot stretch anyone's wait past the cap.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    AttemptStore store;

    @Inject
    ThrottleSettings settings;

    public LoginThrottle() {
    }

    LoginThrottle(AttemptStore store, ThrottleSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** How long this attempt must still wait, if at all. */
    public Optional<Duration> waitFor(String email, String client, Instant now) {
        Duration account = remaining(store.get(accountKey(email), now, settings.window()), settings.accountFailures(), now);
        Duration address = remaining(store.get(clientKey(client), now, settings.window()), settings.clientFailures(), now);
        Duration longer = account.compareTo(address) >= 0 ? account : address;
        return longer.isZero() ? Optional.empty() : Optional.of(longer);
    }

    /** A wait as the whole seconds to tell the person (or a Retry-After header): rounded up, at least 1. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    public void failed(String email, String client, Instant now) {
        store.recordFailure(accountKey(email), now, settings.window());
        store.recordFailure(clientKey(client), now, settings.window());
    }

    /** A correct password forgives the account; the address keeps its count (one good account must not launder it). */
    public void succeeded(String email) {
        store.clear(accountKey(email));
    }

    private Duration remaining(AttemptStore.Failures failures, int threshold, Instant now) {
        if (failures.count() < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures.count() - threshold, 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        if (delay.compareTo(settings.maxDelay()) > 0) {
            delay = settings.maxDelay();
        }
        Duration left = Duration.between(now, failures.last().plus(delay));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String accountKey(String email) {
        return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
    }

    private static String clientKey(String client) {
        return "client:" + client;
    }
}
