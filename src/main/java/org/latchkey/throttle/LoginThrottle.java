package org.latchkey.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.latchkey.user.Emails;

/**
 * Decides whether a password check may happen, and counts it before it happens. The wait after {@code n} failures
 * (n at or past the key's threshold) is {@code firstDelay · 2^(n − threshold)}, capped, counted from the latest
 * failure; a count is forgotten a {@code window} after its wait ended with no new failure. Attempts refused for
 * waiting are not counted, so a patient person always gets through and nobody's wait grows past the cap.
 *
 * <p>Budgets: a client that shows a valid device token for the account it tries (a browser that signed in to it
 * before) has a budget of its own, the account's size; every other client shares the account's budget and its
 * address's (IPv6 by /64). So an attacker throttled on an account or an address never keeps the account's owner out
 * on their own device.
 *
 * <p>An address earns room: its budget is {@code clientFailures + 2 × E}, at most {@code 20 × clientFailures}, where
 * E is the number of different accounts that signed in successfully from it (without a device token) within the
 * {@code window}. An office behind one NAT — a few hundred people, some typos among them — earns two typos' room
 * per person who got in; a sprayer with no successes earns nothing, and one with an account of their own earns two
 * guesses once per window, not once per sign-in.
 *
 * <p>{@link #begin} reserves the attempt — counts it as a failure — under the rows' locks before the password is
 * checked: of K guesses fired at once as a wait ends, one is checked and the others wait. {@link #succeeded} gives
 * the reservation back.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    AttemptStore store;

    @Inject
    ThrottleSettings settings;

    /** How long this instance answers "still waiting" from memory before it reads the count again. */
    static final Duration HINT_TRUST = Duration.ofSeconds(1);
    /** At most this many keys are remembered as waiting (a spray of accounts or addresses); past it, the rows decide. */
    static final int MAX_HINTS = 10_000;

    /**
     * Keys this instance saw waiting, and until when: a flood of guesses at one account is answered from here without
     * queueing for that account's row lock. A hint is trusted for {@link #HINT_TRUST} after its read and never past
     * the end of the wait it saw; a count only grows while its key waits, except when forgiven (a password reset, a
     * success), which this instance applies at once and another instance's within {@code HINT_TRUST}. The hints are
     * per budget key, so a device-token owner (whose attempts count under the device's key alone) is never refused
     * by the account's hint.
     */
    private final ConcurrentHashMap<String, Hint> hints = new ConcurrentHashMap<>();

    private record Hint(Instant waitEnds, Instant readAgain) {

        Duration left(Instant now) {
            return now.isBefore(waitEnds) && now.isBefore(readAgain) ? Duration.between(now, waitEnds) : Duration.ZERO;
        }
    }

    public LoginThrottle() {
    }

    LoginThrottle(AttemptStore store, ThrottleSettings settings) {
        this.store = store;
        this.settings = settings;
    }

    /** A budget: a hashed key, its threshold, and whether a correct password forgives it all or only this attempt. */
    record Key(String hash, int threshold, boolean forgivenBySuccess) {
    }

    /** Room an address earns per account that signed in from it in the window, and the most it may earn. */
    static final int EARNED_PER_ACCOUNT = 2;
    static final int MOST_EARNED_TIMES = 20;

    /**
     * The outcome of {@link #begin}: a wait (nothing was counted), or an attempt counted under these keys; with the
     * keys under which a success from this address would earn it room ({@code earned}: the address's count of
     * accounts, {@code marker}: that this account already earned it in this window), when the address counts.
     */
    public record Attempt(Optional<Duration> waiting, List<Key> keys, Optional<String> earned, Optional<String> marker) {

        public Attempt(Optional<Duration> waiting, List<Key> keys) {
            this(waiting, keys, Optional.empty(), Optional.empty());
        }

        public boolean admitted() {
            return waiting.isEmpty();
        }
    }

    /**
     * Counts a password check about to happen, or says how long it must wait instead.
     *
     * @param device the id of a valid device token this client showed for this very account, if any
     */
    @Transactional
    public Attempt begin(String email, String client, Optional<String> device, Instant now) {
        List<Key> keys = keys(email, client, device);
        Optional<String> earned = device.isPresent() ? Optional.empty() : Optional.of(hash("client-earned:" + group(client)));
        Optional<String> marker = earned.flatMap(e -> accountKey(email)).map(a -> hash("client-earned-by:" + group(client)
                + ":" + a.hash()));
        Duration remembered = Duration.ZERO;
        for (Key key : keys) {
            Hint hint = hints.get(key.hash());
            Duration left = hint == null ? Duration.ZERO : hint.left(now);
            remembered = left.compareTo(remembered) > 0 ? left : remembered;
        }
        if (!remembered.isZero()) {
            return new Attempt(Optional.of(remembered), List.of()); // no row read, no lock taken
        }
        Map<String, AttemptStore.Failures> held = hold(keys.stream().map(Key::hash).toList(), earned, now);
        int room = earned.map(e -> Math.min(settings.clientFailures() * (MOST_EARNED_TIMES - 1),
                EARNED_PER_ACCOUNT * held.get(e).count())).orElse(0);
        Duration longest = Duration.ZERO;
        List<Key> counted = new ArrayList<>();
        for (Key key : keys) {
            Key withRoom = key.forgivenBySuccess() ? key : new Key(key.hash(), key.threshold() + room, false);
            counted.add(withRoom);
            Duration left = remaining(held.get(key.hash()), withRoom.threshold(), now);
            remember(withRoom, left, now);
            longest = left.compareTo(longest) > 0 ? left : longest;
        }
        if (!longest.isZero()) {
            return new Attempt(Optional.of(longest), List.of());
        }
        for (Key key : counted) {
            AttemptStore.Failures failures = held.get(key.hash());
            int count = failures.count() + 1;
            Instant last = latest(failures.last(), now); // a request that waited for the lock may carry an older now
            store.put(key.hash(), new AttemptStore.Failures(count, last), forgetAt(count, key.threshold(), last));
        }
        return new Attempt(Optional.empty(), counted, earned, marker);
    }

    /** Holds these rows (and the optional ones) in one order everywhere, so no two requests wait for each other. */
    private Map<String, AttemptStore.Failures> hold(List<String> keys, Optional<String> more, Instant now) {
        java.util.TreeMap<String, AttemptStore.Failures> held = new java.util.TreeMap<>();
        keys.forEach(k -> held.put(k, null));
        more.ifPresent(k -> held.put(k, null));
        for (String key : held.keySet()) {
            held.put(key, store.hold(key, now));
        }
        return held;
    }

    /**
     * The password was right (or the check could not happen): the account's and the device's counts are forgiven,
     * the address gives back only this attempt (one good account must not launder an address's failures).
     */
    @Transactional
    public void succeeded(Attempt attempt, Instant now) {
        List<String> rows = new ArrayList<>(attempt.keys().stream().map(Key::hash).toList());
        attempt.marker().ifPresent(rows::add);
        Map<String, AttemptStore.Failures> held = hold(rows, attempt.earned(), now);
        for (Key key : attempt.keys()) {
            hints.remove(key.hash());
            AttemptStore.Failures failures = held.get(key.hash());
            int count = key.forgivenBySuccess() ? 0 : Math.max(0, failures.count() - 1);
            store.put(key.hash(), count == 0 ? AttemptStore.Failures.NONE : new AttemptStore.Failures(count, failures.last()),
                    count == 0 ? now : forgetAt(count, key.threshold(), failures.last()));
        }
        if (attempt.earned().isPresent() && attempt.marker().isPresent()
                && held.get(attempt.marker().get()).count() == 0) { // this account has not earned the address room yet
            Instant until = now.plus(settings.window());
            store.put(attempt.marker().get(), new AttemptStore.Failures(1, now), until);
            AttemptStore.Failures earned = held.get(attempt.earned().get());
            store.put(attempt.earned().get(), new AttemptStore.Failures(earned.count() + 1, now), until);
        }
    }

    /** After a password reset: whatever was counted against this account is forgiven. */
    @Transactional
    public void forgive(String email, Instant now) {
        accountKey(email).ifPresent(key -> {
            hints.remove(key.hash());
            store.hold(key.hash(), now);
            store.put(key.hash(), AttemptStore.Failures.NONE, now);
        });
    }

    /**
     * For checks that are not logins but answer the same question — a signed-in person's current password, "is this
     * address taken": a budget of its own under {@code purpose}, counted like an account's.
     */
    @Transactional
    public Attempt begin(String purpose, String subject, int threshold, Instant now) {
        Key key = new Key(hash(purpose + ":" + subject), threshold, true);
        AttemptStore.Failures failures = store.hold(key.hash(), now);
        Duration left = remaining(failures, threshold, now);
        if (!left.isZero()) {
            return new Attempt(Optional.of(left), List.of());
        }
        int count = failures.count() + 1;
        Instant last = latest(failures.last(), now);
        store.put(key.hash(), new AttemptStore.Failures(count, last), forgetAt(count, threshold, last));
        return new Attempt(Optional.empty(), List.of(key));
    }

    /** Counts that have been forgotten are deleted (and hints whose time is over). */
    public int purge(Instant now) {
        hints.values().removeIf(hint -> hint.left(now).isZero());
        return store.purge(now);
    }

    private void remember(Key key, Duration left, Instant now) {
        if (left.isZero()) {
            hints.remove(key.hash());
            return;
        }
        if (hints.size() >= MAX_HINTS) {
            hints.values().removeIf(hint -> hint.left(now).isZero());
            if (hints.size() >= MAX_HINTS) {
                return;
            }
        }
        hints.put(key.hash(), new Hint(now.plus(left), now.plus(HINT_TRUST)));
    }

    /** A wait as the whole seconds to tell the person (or a Retry-After header): rounded up, at least 1. */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    List<Key> keys(String email, String client, Optional<String> device) {
        List<Key> keys = new ArrayList<>();
        if (device.isPresent()) {
            keys.add(new Key(hash("device:" + device.get()), settings.accountFailures(), true));
        } else {
            accountKey(email).ifPresent(keys::add);
            keys.add(new Key(hash("client:" + group(client)), settings.clientFailures(), false));
        }
        return keys;
    }

    /** An invalid address has no account to count against (and never reaches the store). */
    private Optional<Key> accountKey(String email) {
        String address = email == null ? "" : email.strip();
        return Emails.isValid(address)
                ? Optional.of(new Key(hash("account:" + address.toLowerCase(Locale.ROOT)), settings.accountFailures(), true))
                : Optional.empty();
    }

    /** An IPv6 client is its /64: one subscriber gets a whole /64, and rotating through it must not buy guesses. */
    public static String group(String client) {
        Optional<byte[]> bytes = TrustedProxies.bytes(client);
        if (bytes.isEmpty() || bytes.get().length == 4) {
            return bytes.map(TrustedProxies::text).orElse(String.valueOf(client));
        }
        byte[] prefix = bytes.get().clone();
        java.util.Arrays.fill(prefix, 8, 16, (byte) 0);
        return TrustedProxies.text(prefix) + "/64";
    }

    private Duration delay(int count, int threshold) {
        if (count < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - threshold, 30);
        Duration delay = settings.firstDelay().multipliedBy(1L << doublings);
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private Duration remaining(AttemptStore.Failures failures, int threshold, Instant now) {
        if (failures.count() < threshold) {
            return Duration.ZERO; // also when a request that waited for the lock finds a failure "after" its now
        }
        Duration left = Duration.between(now, failures.last().plus(delay(failures.count(), threshold)));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Kept a window past the end of its wait: an attacker retrying as each wait ends keeps the count growing. */
    private Instant forgetAt(int count, int threshold, Instant last) {
        return last.plus(delay(count, threshold)).plus(settings.window());
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
