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
 * in parallel only makes each slower) and at most {@code queue} more wait for a turn; an attempt beyond that is
 * refused at once with {@link PasswordBusyException} instead of queueing without bound. One that waited
 * {@code maxWait} without a turn is refused then (under a flood the cores are shared with everything else, and a check
 * takes several times its usual time). So a login flood costs the cores and a bounded wait, and every other request
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

    public PasswordWork() {
    }

    public PasswordWork(Limits limits) {
        configure(limits);
    }

    /**
     * {@code latchkey.password.concurrency} (default: the cores), {@code latchkey.password.queue} (4 × that) and
     * {@code latchkey.password.max-wait} (2 s; 10 ms to 1 minute).
     */
    public static Limits limits(ConfigValues values) {
        int concurrency = values.integer("latchkey.password.concurrency", Runtime.getRuntime().availableProcessors(), 1, 1024);
        int queue = values.integer("latchkey.password.queue", 4 * concurrency, 0, 100_000);
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
        if (admitted.incrementAndGet() > limits.concurrency() + limits.queue()) {
            admitted.decrementAndGet();
            refused.increment();
            throw new PasswordBusyException();
        }
        try {
            long arrived = System.nanoTime();
            if (!turn()) {
                refused.increment();
                throw new PasswordBusyException();
            }
            try {
                waitedNanos.add(System.nanoTime() - arrived);
                checks.increment();
                return work.get();
            } finally {
                running.release();
            }
        } finally {
            admitted.decrementAndGet();
        }
    }

    private boolean turn() {
        try {
            return running.tryAcquire(limits.maxWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * True — and counted as refused — when no more work would be admitted now: every turn taken and the queue full.
     * A sign-in asks before the throttle's bookkeeping, so a flood beyond the bulkhead costs no database work;
     * {@link #run} still decides for those it lets through.
     */
    public boolean refuseIfFull() {
        if (admitted.get() >= limits.concurrency() + limits.queue()) {
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
}
