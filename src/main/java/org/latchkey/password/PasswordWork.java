package org.latchkey.password;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;

/**
 * The bulkhead in front of bcrypt. At most {@code concurrency} checks run at once (the cores: bcrypt is pure CPU, more
 * in parallel only makes each slower). An attempt is admitted to wait for a turn when its <em>expected wait</em> —
 * the checks ahead of it, plus itself, times the measured time of a check (a moving average of the recent ones),
 * divided by the concurrency — is within {@code maxWait}; otherwise it is refused at once with
 * {@link PasswordBusyException}. So twenty people registering in the same second at cost 10 all get in (their
 * whole batch takes well under {@code maxWait}), while a flood at cost 12 is turned away at once rather than made
 * to wait and time out. {@code queue} is only the most that may ever wait (a bound on threads held, whatever the
 * estimate says). One admitted that still finds no turn within twice {@code maxWait} (the machine slowed after it
 * was admitted) is refused then. So a login flood costs the cores and a bounded wait, and every other request
 * (token checks, refreshes, pages) still finds a request thread and a core. The waiting happens on the caller's thread: a
 * hand-off to an executor would add a context switch per check and hold the request thread all the same.
 */
@ApplicationScoped
public class PasswordWork {

    /** The limits, as set: checks at once, checks that may wait for a turn, and how long one waits at most. */
    public record Limits(int concurrency, int queue, Duration maxWait) {

        public Limits(int concurrency, int queue) {
            this(concurrency, queue, DEFAULT_MAX_WAIT);
        }
    }

    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(2);

    @Inject
    Config config;

    private Limits limits;
    private Semaphore running;
    private final AtomicInteger admitted = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final LongAdder waitedNanos = new LongAdder();
    private final LongAdder checks = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    /** The moving average of a check's own time, in nanoseconds; 0 until one has run. */
    private final java.util.concurrent.atomic.AtomicLong checkNanos = new java.util.concurrent.atomic.AtomicLong();

    public PasswordWork() {
    }

    public PasswordWork(Limits limits) {
        configure(limits);
    }

    /**
     * {@code latchkey.password.concurrency} (default: the cores), {@code latchkey.password.queue} (64 × that) and
     * {@code latchkey.password.max-wait} (2 s; 10 ms to 1 minute).
     */
    public static Limits limits(ConfigValues values) {
        int concurrency = values.integer("latchkey.password.concurrency", Runtime.getRuntime().availableProcessors(), 1, 1024);
        int queue = values.integer("latchkey.password.queue", 64 * concurrency, 0, 100_000);
        String name = "latchkey.password.max-wait";
        Duration maxWait = values.duration(name, DEFAULT_MAX_WAIT.toString());
        if (maxWait.compareTo(Duration.ofMillis(10)) < 0 || maxWait.compareTo(Duration.ofMinutes(1)) > 0) {
            throw ConfigValues.refused(name, maxWait.toString(), "a duration from PT0.01S to PT1M");
        }
        return new Limits(concurrency, queue, maxWait);
    }

    @PostConstruct
    void configure() {
        configure(limits(ConfigValues.of(config)));
    }

    private void configure(Limits limits) {
        this.limits = limits;
        this.running = new Semaphore(limits.concurrency(), true); // first come, first served
    }

    /**
     * Runs one piece of password work on this thread once a turn is free.
     *
     * @throws PasswordBusyException without running it: at once when every turn is taken and the queue is full, or
     *     after waiting {@code maxWait} for a turn
     */
    public <T> T run(Supplier<T> work) {
        int place = admitted.incrementAndGet();
        if (place > limits.concurrency() + limits.queue() || expectedWaitNanos(place) > limits.maxWait().toNanos()) {
            admitted.decrementAndGet();
            refused.increment();
            throw new PasswordBusyException();
        }
        try {
            long arrived = System.nanoTime();
            if (!turn()) {
                refused.increment();
                timedOut.increment();
                throw new PasswordBusyException();
            }
            try {
                long started = System.nanoTime();
                waitedNanos.add(started - arrived);
                checks.increment();
                T result = work.get();
                learn(System.nanoTime() - started);
                return result;
            } finally {
                running.release();
            }
        } finally {
            admitted.decrementAndGet();
        }
    }

    /**
     * How long the attempt at {@code place} (1 = the first of those running or waiting now) would wait for its turn:
     * the checks that must finish before it, in {@code concurrency} lanes, at the measured time of a check.
     */
    long expectedWaitNanos(int place) {
        int ahead = place - limits.concurrency();
        return ahead <= 0 ? 0 : (long) ((double) ahead * checkNanos.get() / limits.concurrency());
    }

    /** A check's own time, into a moving average that follows a slowing machine within a few checks. */
    private void learn(long nanos) {
        checkNanos.accumulateAndGet(nanos, (average, latest) -> average == 0 ? latest : (average * 3 + latest) / 4);
    }

    private boolean turn() {
        try {
            return running.tryAcquire(2 * limits.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * True — and counted as refused — when no more work would be admitted now: its expected wait past
     * {@code maxWait}, or as many waiting as {@code queue} allows.
     * A sign-in asks before the throttle's bookkeeping, so a flood beyond the bulkhead costs no database work;
     * {@link #run} still decides for those it lets through.
     */
    public boolean refuseIfFull() {
        int next = admitted.get() + 1;
        if (next > limits.concurrency() + limits.queue() || expectedWaitNanos(next) > limits.maxWait().toNanos()) {
            refused.increment();
            return true;
        }
        return false;
    }

    public Limits limits() {
        return limits;
    }

    /** Checks running or waiting now. */
    public int inFlight() {
        return admitted.get();
    }

    /** Attempts refused as busy since start. */
    public long refused() {
        return refused.sum();
    }

    /** Checks run since start, and the time they waited for a turn in all. */
    public long checks() {
        return checks.sum();
    }

    public long waitedNanos() {
        return waitedNanos.sum();
    }

    /** Admitted attempts that found no turn within twice {@code maxWait} (the estimate was wrong), since start. */
    public long timedOut() {
        return timedOut.sum();
    }

    /** The measured time of a check now (0 before the first). */
    public Duration checkTime() {
        return Duration.ofNanos(checkNanos.get());
    }
}
