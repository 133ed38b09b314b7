package org.latchkey.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final ThrottleSettings settings = new ThrottleSettings(5, 50, Duration.ofMinutes(15), Duration.ofSeconds(1),
            Duration.ofMinutes(15), TrustedProxies.none());
    private final MemoryAttemptStore store = new MemoryAttemptStore();
    private final LoginThrottle throttle = new LoginThrottle(store, settings);
    private final Instant t0 = Instant.parse("2026-11-28T12:00:00Z");
    private static final Optional<String> NO_DEVICE = Optional.empty();

    /** A guess that was checked and wrong: begin counts it, nothing gives it back. */
    private void fail(String email, String client, Instant at) {
        assertTrue(throttle.begin(email, client, NO_DEVICE, at).admitted(), "admitted at " + at);
    }

    private Optional<Duration> waitFor(String email, String client, Instant at) {
        LoginThrottle.Attempt attempt = throttle.begin(email, client, NO_DEVICE, at);
        if (attempt.admitted()) {
            throttle.succeeded(attempt, at); // looking only: give back what begin counted
        }
        return attempt.waiting();
    }

    /**
     * Launch day at an office behind one NAT: 200 people sign in from new browsers within 15 minutes, 100 of them
     * with a typo first (in an order shuffled with a fixed seed) — every one of them gets in, no attempt waits.
     */
    @Test
    void anOfficeBehindOneAddressEarnsRoomForItsTypos() {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            if (i % 2 == 0) {
                steps.add("typo:" + i);
            }
            steps.add("right:" + i);
        }
        // shuffle, keeping each person's typo before their own sign-in
        java.util.Random random = new java.util.Random(20261207);
        List<String> order = new ArrayList<>();
        List<List<String>> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            people.add(i % 2 == 0 ? new ArrayList<>(List.of("typo", "right")) : new ArrayList<>(List.of("right")));
        }
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            int pick = random.nextInt(pending.size());
            int person = pending.get(pick);
            order.add(people.get(person).remove(0) + ":" + person);
            if (people.get(person).isEmpty()) {
                pending.remove(pick);
            }
        }
        assertEquals(300, order.size());
        List<String> waited = new ArrayList<>();
        Instant t = t0;
        for (String step : order) {
            t = t.plusSeconds(3); // 300 attempts in 15 minutes
            String email = "person" + step.substring(step.indexOf(':') + 1) + "@office.example";
            LoginThrottle.Attempt attempt = throttle.begin(email, "198.51.100.7", NO_DEVICE, t);
            if (!attempt.admitted()) {
                waited.add(step);
            } else if (step.startsWith("right")) {
                throttle.succeeded(attempt, t);
            }
        }
        assertEquals(List.of(), waited, "nobody at the office waits");
    }

    /** A spray of 500 guesses over 100 accounts from one address, none right: held back after the address's 50. */
    @Test
    void aSprayWithNoSuccessesEarnsNothing() {
        int checked = 0;
        Instant t = t0;
        for (int i = 0; i < 500; i++) {
            t = t.plusMillis(1_800); // 500 guesses in 15 minutes
            if (throttle.begin("target" + (i % 100) + "@corp.example", "203.0.113.9", NO_DEVICE, t).admitted()) {
                checked++;
            }
        }
        assertTrue(checked <= 60, "at most the address's 50 and the few its backoff lets through: " + checked);
    }

    /** An attacker with an account of their own earns the address two guesses once per window, not per sign-in. */
    @Test
    void oneAccountEarnsTheAddressRoomOncePerWindow() {
        Instant t = t0;
        for (int i = 0; i < 40; i++) {
            LoginThrottle.Attempt own = throttle.begin("mallory@corp.example", "203.0.113.10", NO_DEVICE, t);
            assertTrue(own.admitted());
            throttle.succeeded(own, t);
        }
        int checked = 0;
        for (int i = 0; i < 200; i++) { // all in the same second: no backoff ends meanwhile
            if (throttle.begin("victim" + i + "@corp.example", "203.0.113.10", NO_DEVICE, t).admitted()) {
                checked++;
            }
        }
        assertEquals(52, checked, "the address's 50 and the two its one account earned");
    }

    @Test
    void fiveFailuresThenExponentialBackoffUpToTheCap() {
        for (int i = 0; i < 4; i++) {
            fail("ada@example.test", "10.0.0.1", t0);
        }
        fail("ada@example.test", "10.0.0.1", t0);
        LoginThrottle.Attempt sixth = throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), sixth.waiting(), "five failures: the sixth waits a second");
        Instant t = t0.plusSeconds(1);
        fail("ADA@example.test ", "10.0.0.2", t);
        assertEquals(Optional.of(Duration.ofSeconds(2)), throttle.begin("ada@example.test", "10.0.0.3", NO_DEVICE, t).waiting(),
                "the email's case and spaces do not make a new account, another address does not help");
        for (int i = 0; i < 12; i++) { // an attacker who retries the moment each wait ends
            t = t.plus(throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t).waiting().orElse(Duration.ZERO));
            fail("ada@example.test", "10.0.0.1", t);
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.begin("ada@example.test", "10.0.0.9", NO_DEVICE, t).waiting(),
                "capped");
        assertTrue(throttle.begin("ada@example.test", "10.0.0.9", NO_DEVICE, t.plus(Duration.ofMinutes(15))).admitted(),
                "no permanent lockout");
    }

    @Test
    void theCountOutlivesTheCappedWaitByAWindow() {
        Instant t = t0;
        Duration wait = Duration.ZERO;
        while (wait.compareTo(Duration.ofMinutes(15)) < 0) { // retrying the moment each wait ends, up to the cap
            fail("ada@example.test", "10.0.0.1", t);
            wait = throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t).waiting().orElse(Duration.ZERO);
            t = t.plus(wait);
        }
        fail("ada@example.test", "10.1.0.1", t);
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.begin("ada@example.test", "10.1.0.2", NO_DEVICE, t).waiting(),
                "with max-delay equal to the window: one guess per capped wait, not another five free ones");
        Instant quiet = t.plus(Duration.ofMinutes(15)).plus(Duration.ofMinutes(15)).plusSeconds(1);
        for (int i = 0; i < 5; i++) {
            fail("ada@example.test", "10.1.0.1", quiet);
        }
        assertFalse(throttle.begin("ada@example.test", "10.1.0.1", NO_DEVICE, quiet).admitted(),
                "a window of quiet after the wait forgets the count; five new failures count anew");
    }

    @Test
    void anotherAccountIsNeverAffected() {
        for (int i = 0; i < 30; i++) {
            throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t0);
        }
        assertTrue(waitFor("ada@example.test", "10.0.0.1", t0).isPresent());
        assertEquals(Optional.empty(), waitFor("grace@example.test", "10.0.0.1", t0));
    }

    @Test
    void unknownEmailsCountAndManyAccountsFromOneAddressAreSlowedDown() {
        for (int i = 0; i < 50; i++) {
            fail("nobody" + i + "@example.test", "10.6.6.6", t0);
        }
        assertTrue(waitFor("fresh@example.test", "10.6.6.6", t0).isPresent(), "per-address limit");
        assertEquals(Optional.empty(), waitFor("fresh@example.test", "10.0.0.7", t0));
    }

    @Test
    void invalidEmailsNeverReachTheStoreButCountForTheAddress() {
        for (int i = 0; i < 50; i++) {
            fail("x".repeat(1000) + i, "10.6.6.7", t0);
        }
        assertEquals(1, store.size(), "only the address is kept: " + store.size());
        assertTrue(waitFor("fresh@example.test", "10.6.6.7", t0).isPresent());
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        for (int i = 0; i < 50; i++) {
            fail("nobody" + i + "@example.test", "2001:db8:1:2:" + Integer.toHexString(i) + "::1", t0);
        }
        assertTrue(waitFor("fresh@example.test", "2001:db8:1:2:ffff::9", t0).isPresent(), "the same /64");
        assertEquals(Optional.empty(), waitFor("fresh@example.test", "2001:db8:1:3::1", t0), "the next /64");
        assertEquals("2001:db8:1:2:0:0:0:0/64", LoginThrottle.group("2001:DB8:1:2:aaaa:bbbb:cccc:dddd"));
        assertEquals("10.0.0.1", LoginThrottle.group("10.0.0.1"));
    }

    @Test
    void aKnownDeviceHasItsOwnBudgetWhileTheAccountAndTheAddressAreUnderAttack() {
        for (int i = 0; i < 60; i++) {
            throttle.begin("ada@example.test", "10.6.6.6", NO_DEVICE, t0);
        }
        assertTrue(waitFor("ada@example.test", "10.6.6.6", t0).isPresent(), "the account waits for everyone else");
        LoginThrottle.Attempt owner = throttle.begin("ada@example.test", "10.6.6.6", Optional.of("device-1"), t0);
        assertTrue(owner.admitted(), "the owner's own browser, even from the attacked address");
        throttle.succeeded(owner, t0);
        for (int i = 0; i < 5; i++) { // the device's owner typing wrong five times
            assertTrue(throttle.begin("ada@example.test", "10.6.6.6", Optional.of("device-1"), t0.plusSeconds(1)).admitted());
        }
        assertFalse(throttle.begin("ada@example.test", "10.6.6.6", Optional.of("device-1"), t0.plusSeconds(1)).admitted(),
                "the device's own budget is small too");
        assertTrue(throttle.begin("ada@example.test", "10.6.6.6", Optional.of("device-2"), t0.plusSeconds(1)).admitted(),
                "and another device's is its own");
    }

    @Test
    void successForgivesTheAccountAndFailuresAgeOut() {
        for (int i = 0; i < 4; i++) {
            fail("ada@example.test", "10.0.0.1", t0);
        }
        LoginThrottle.Attempt right = throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t0);
        throttle.succeeded(right, t0);
        for (int i = 0; i < 4; i++) {
            fail("ada@example.test", "10.0.0.1", t0);
        }
        assertTrue(throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t0).admitted(), "forgiven: four new ones are free");
        for (int i = 0; i < 5; i++) {
            fail("grace@example.test", "10.0.0.2", t0);
        }
        assertEquals(Optional.empty(), waitFor("grace@example.test", "10.0.0.2", t0.plus(Duration.ofMinutes(16))));
        assertTrue(throttle.purge(t0.plus(Duration.ofHours(1))) > 0, "forgotten counts are deleted");
        assertEquals(0, store.size());
    }

    @Test
    void aRequestThatWaitedForTheLockIsNotToldToWaitForNothing() {
        fail("ada@example.test", "10.0.0.1", t0.plusMillis(50)); // committed first, though it began later
        assertTrue(throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t0).admitted(),
                "below the threshold a failure 'after' this request's clock is no reason to wait");
    }

    @Test
    void otherOraclesHaveABudgetOfTheirOwn() {
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.begin("current-password", "42", 5, t0).admitted());
        }
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.begin("current-password", "42", 5, t0).waiting());
        assertTrue(throttle.begin("current-password", "43", 5, t0).admitted(), "another person's");
        assertTrue(throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t0).admitted(), "logins are apart");
    }

    @Test
    void aFloodAtAWaitingAccountIsAnsweredWithoutReadingTheCountsAgainForASecond() {
        for (int i = 0; i < 5; i++) {
            fail("ada@example.test", "10.0.0.1", t0);
        }
        fail("ada@example.test", "10.0.0.1", t0.plusSeconds(1));
        Instant t = t0.plusSeconds(3);
        fail("ada@example.test", "10.0.0.1", t);
        assertEquals(Optional.of(Duration.ofSeconds(4)), throttle.begin("ada@example.test", "10.0.0.2", NO_DEVICE, t).waiting());
        int reads = store.holds;
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.of(Duration.ofMillis(4000 - 5 * i)), throttle.begin("ada@example.test", "10.0.0." + (i % 50),
                    NO_DEVICE, t.plusMillis(5 * i)).waiting(), "the same wait, counting down");
        }
        assertEquals(reads, store.holds, "100 refusals within the second: no count read, no row locked");
        assertEquals(Optional.of(Duration.ofMillis(2500)), throttle.begin("ada@example.test", "10.0.0.3", NO_DEVICE,
                t.plusMillis(1500)).waiting(), "after a second the counts are read again");
        assertTrue(store.holds > reads);
        assertTrue(throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t.plusSeconds(4)).admitted(),
                "never refused past the end of the wait it saw");
    }

    @Test
    void theMemoryOfAWaitStepsAsideForTheOwnersDeviceAndForAReset() {
        for (int i = 0; i < 5; i++) {
            fail("ada@example.test", "10.0.0.1", t0);
        }
        assertTrue(throttle.begin("ada@example.test", "10.0.0.1", NO_DEVICE, t0).waiting().isPresent());
        assertTrue(throttle.begin("ada@example.test", "10.0.0.1", Optional.of("device-1"), t0).admitted(),
                "the device's budget is its own, remembered waits included");
        throttle.forgive("ada@example.test", t0);
        assertTrue(throttle.begin("ada@example.test", "10.0.0.7", NO_DEVICE, t0).admitted(), "a reset here forgives at once");
    }
}
