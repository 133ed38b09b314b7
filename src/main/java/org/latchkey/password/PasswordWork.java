package org.latchkey.password;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;

/**
 * The bulkhead in front of bcrypt. At most {@code concurrency} checks run at once (the cores: bcrypt is pure CPU, more
 * in parallel only makes each slower) and at most {@code queue} more wait for a turn; an attempt beyond that is
 * refused at once with {@link PasswordBusyException} instead of queueing without bound. So a login flood costs the
 * cores and a bounded wait — at most {@code queue / concurrency} checks' time — and every other request (token checks,
 * refreshes, pages) still finds a request thread and a core. The waiting happens on the caller's thread: a
 * hand-off to an executor would add a context switch per check and hold the request thread all the same.
 */
@ApplicationScoped
public class PasswordWork {

    /** The limits, as set: checks at once, and checks that may wait for a turn. */
    public record Limits(int concurrency, int queue) {
    }

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

    PasswordWork(Limits limits) {
        configure(limits);
    }

    /** {@code latchkey.password.concurrency} (default: the cores) and {@code latchkey.password.queue} (4 × that). */
    public static Limits limits(ConfigValues values) {
        int concurrency = values.integer("latchkey.password.concurrency", Runtime.getRuntime().availableProcessors(), 1, 1024);
        int queue = values.integer("latchkey.password.queue", 4 * concurrency, 0, 100_000);
        return new Limits(concurrency, queue);
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
     * @throws PasswordBusyException at once, without running it, when every turn is taken and the queue is full
     */
    public <T> T run(Supplier<T> work) {
        if (admitted.incrementAndGet() > limits.concurrency() + limits.queue()) {
            admitted.decrementAndGet();
            refused.increment();
            throw new PasswordBusyException();
        }
        try {
            long arrived = System.nanoTime();
            running.acquireUninterruptibly();
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
