package org.latchkey.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final ThrottleSettings settings = new ThrottleSettings(5, 50, Duration.ofMinutes(15), Duration.ofSeconds(1),
            Duration.ofMinutes(15), TrustedProxies.none());
    private final LoginThrottle throttle = new LoginThrottle(new InMemoryAttemptStore(), settings);
    private final Instant t0 = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void fiveFailuresThenExponentialBackoffUpToTheCap() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("ada@example.test", "10.0.0.1", t0);
        }
        assertEquals(Optional.empty(), throttle.waitFor("ada@example.test", "10.0.0.1", t0), "four failures are free");
        throttle.failed("ada@example.test", "10.0.0.1", t0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.waitFor("ada@example.test", "10.0.0.1", t0));
        throttle.failed("ADA@example.test ", "10.0.0.1", t0);
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.waitFor("ada@example.test", "10.0.0.1", t0),
                "the email's case and spaces do not make a new account");
        throttle.failed("ada@example.test", "10.0.0.1", t0);
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.waitFor("ada@example.test", "10.0.0.2", t0));
        for (int i = 0; i < 40; i++) {
            throttle.failed("ada@example.test", "10.0.0.1", t0);
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.waitFor("ada@example.test", "10.0.0.9", t0), "capped");
        assertEquals(Optional.empty(), throttle.waitFor("ada@example.test", "10.0.0.9", t0.plus(Duration.ofMinutes(15))),
                "no permanent lockout");
    }

    @Test
    void anotherAccountIsNeverAffected() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("ada@example.test", "10.0.0.1", t0);
        }
        assertTrue(throttle.waitFor("ada@example.test", "10.0.0.1", t0).isPresent());
        assertEquals(Optional.empty(), throttle.waitFor("grace@example.test", "10.0.0.1", t0));
    }

    @Test
    void unknownEmailsCountAndManyAccountsFromOneAddressAreSlowedDown() {
        for (int i = 0; i < 50; i++) {
            throttle.failed("nobody" + i + "@example.test", "10.6.6.6", t0);
        }
        assertTrue(throttle.waitFor("fresh@example.test", "10.6.6.6", t0).isPresent(), "per-address limit");
        assertEquals(Optional.empty(), throttle.waitFor("fresh@example.test", "10.0.0.7", t0));
    }

    @Test
    void successForgivesTheAccountAndFailuresAgeOut() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("ada@example.test", "10.0.0.1", t0);
        }
        throttle.succeeded("ada@example.test");
        assertEquals(Optional.empty(), throttle.waitFor("ada@example.test", "10.0.0.1", t0));
        for (int i = 0; i < 5; i++) {
            throttle.failed("grace@example.test", "10.0.0.1", t0);
        }
        assertEquals(Optional.empty(), throttle.waitFor("grace@example.test", "10.0.0.1", t0.plus(Duration.ofMinutes(16))));
    }
}
