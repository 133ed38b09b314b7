package org.latchkey.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bulkhead: so many at once, so many waiting, the rest refused at once — and nothing leaks on the way out. */
class PasswordWorkTest {

    @Test
    void pastTheTurnsAndTheQueueAnAttemptIsRefusedAtOnce() throws Exception {
        PasswordWork work = new PasswordWork(new PasswordWork.Limits(2, 1));
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runningAtOnce = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> admitted = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // two run, one waits for a turn
                admitted.add(threads.submit(() -> work.run(() -> {
                    mostAtOnce.accumulateAndGet(runningAtOnce.incrementAndGet(), Math::max);
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    runningAtOnce.decrementAndGet();
                    return "checked";
                })));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (work.inFlight() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(3, work.inFlight(), "two running and one waiting");
            assertTrue(work.refuseIfFull(), "a sign-in can tell before any bookkeeping");
            AtomicInteger ran = new AtomicInteger();
            assertThrows(PasswordBusyException.class, () -> work.run(ran::incrementAndGet), "the fourth is refused");
            assertThrows(PasswordBusyException.class, () -> work.run(ran::incrementAndGet), "and the fifth");
            assertEquals(0, ran.get(), "a refused attempt never runs");
            assertEquals(3, work.refused(), "the look counts as a refusal too");
            release.countDown();
            for (Future<String> f : admitted) {
                assertEquals("checked", f.get(10, TimeUnit.SECONDS), "every admitted attempt is done");
            }
            assertEquals(2, mostAtOnce.get(), "never more than the concurrency at once");
            assertEquals(0, work.inFlight(), "every turn given back");
            assertFalse(work.refuseIfFull());
            assertEquals("again", work.run(() -> "again"), "and the next is admitted");
            assertEquals(4, work.checks());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWaitPastMaxWaitIsRefusedWithoutRunning() throws Exception {
        PasswordWork work = new PasswordWork(new PasswordWork.Limits(1, 5, java.time.Duration.ofMillis(200)));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> holder = thread.submit(() -> work.run(() -> {
                inside.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            AtomicInteger ran = new AtomicInteger();
            long started = System.nanoTime();
            assertThrows(PasswordBusyException.class, () -> work.run(ran::incrementAndGet), "no turn within 200 ms");
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(waitedMs >= 190, "it waited for a turn first: " + waitedMs + " ms");
            assertEquals(0, ran.get(), "and never ran");
            assertEquals(1, work.refused());
            assertEquals(1, work.inFlight(), "its place is given back; the holder's is kept");
            release.countDown();
            assertTrue(holder.get(10, TimeUnit.SECONDS));
            assertEquals(1, work.run(() -> 1), "the next one is admitted");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void anAttemptIsAdmittedWhileItsExpectedWaitIsWithinMaxWait() {
        PasswordWork work = new PasswordWork(new PasswordWork.Limits(2, 100_000, java.time.Duration.ofSeconds(2)));
        assertEquals(0, work.expectedWaitNanos(1_000), "nothing measured yet: no estimate, only the bound");
        for (int i = 0; i < 8; i++) {
            work.run(() -> {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            });
        }
        long check = work.checkTime().toNanos();
        assertTrue(check >= TimeUnit.MILLISECONDS.toNanos(50), "a check's measured time: " + work.checkTime());
        assertEquals(0, work.expectedWaitNanos(2), "a free turn: no wait");
        assertEquals(check / 2, work.expectedWaitNanos(3), "one ahead, two lanes");
        assertEquals(check * 10 / 2, work.expectedWaitNanos(12));
        int lastAdmitted = 2 + (int) (2 * TimeUnit.SECONDS.toNanos(2) / check);
        assertTrue(work.expectedWaitNanos(lastAdmitted) <= TimeUnit.SECONDS.toNanos(2));
        assertTrue(work.expectedWaitNanos(lastAdmitted + 1) > TimeUnit.SECONDS.toNanos(2), "past max-wait: refused at once");
        assertFalse(work.refuseIfFull(), "nobody in flight: the next one is admitted");
    }

    /** N attempts at once on two turns with the production defaults (max-wait 2 s, queue 64 × the turns). */
    private static int[] atOnce(int attempts, int cost) throws Exception {
        PasswordWork work = new PasswordWork(new PasswordWork.Limits(2, 128, java.time.Duration.ofSeconds(2)));
        PasswordHasher hasher = new PasswordHasher(cost, work);
        hasher.hash("a first check teaches the bulkhead what one costs");
        hasher.hash("and a second");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                answers.add(threads.submit(() -> {
                    start.await();
                    try {
                        hasher.hash("registration number " + n + " of a busy second");
                        return true;
                    } catch (PasswordBusyException busy) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int done = 0;
            for (Future<Boolean> answer : answers) {
                done += answer.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            System.out.printf("FIGURES %d attempts at once at cost %d on 2 turns: %d done, %d busy (%d of them timed out);"
                    + " a check measured %d ms%n", attempts, cost, done, attempts - done, work.timedOut(),
                    work.checkTime().toMillis());
            return new int[] {done, (int) work.timedOut()};
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twentyRegistrationsInOneSecondAtCost10AllGetIn() throws Exception {
        int[] result = atOnce(20, 10);
        assertEquals(20, result[0], "the whole batch takes well under max-wait: nobody is told busy");
    }

    @Test
    void aFloodAtCost12IsToldBusyAtOnceAndNothingAdmittedTimesOut() throws Exception {
        int[] result = atOnce(50, 12);
        assertTrue(result[0] >= 2 && result[0] < 50, "some are checked, the rest told busy: " + result[0] + " done");
        assertEquals(0, result[1], "those told busy were told at once, by the estimate: no admitted one timed out");
    }

    @Test
    void aFailingCheckGivesItsTurnBack() {
        PasswordWork work = new PasswordWork(new PasswordWork.Limits(1, 0));
        for (int i = 0; i < 5; i++) {
            assertThrows(IllegalStateException.class, () -> work.run(() -> {
                throw new IllegalStateException("boom");
            }));
        }
        assertEquals(0, work.inFlight());
        assertEquals(0, work.refused());
        assertEquals(1, work.run(() -> 1));
    }

    @Test
    void theHasherGoesThroughTheBulkhead() throws Exception {
        PasswordWork work = new PasswordWork(new PasswordWork.Limits(1, 0));
        PasswordHasher hasher = new PasswordHasher(4, work);
        String hash = hasher.hash("correct horse battery staple");
        long before = work.checks();
        assertTrue(hasher.verify("correct horse battery staple", hash));
        assertFalse(hasher.verify("wrong", hash));
        hasher.verifyNothing("anything");
        assertEquals(before + 3, work.checks(), "verifications, right, wrong and for unknown emails, take a turn each");
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Object> holder = thread.submit(() -> work.run(() -> {
                inside.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            assertThrows(PasswordBusyException.class, () -> hasher.verify("correct horse battery staple", hash),
                    "no turn and no queue: refused, not answered false");
            assertThrows(PasswordBusyException.class, () -> hasher.hash("another long password"));
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
        assertTrue(hasher.verify("correct horse battery staple", hash));
    }

    @Test
    void theCauseIsFoundUnderAnyWrapping() {
        RuntimeException wrapped = new RuntimeException(new IllegalStateException(new PasswordBusyException()));
        assertTrue(PasswordBusyException.isCause(wrapped));
        assertFalse(PasswordBusyException.isCause(new RuntimeException(new IllegalStateException())));
        RuntimeException loop = new RuntimeException();
        RuntimeException other = new RuntimeException(loop);
        loop.initCause(other);
        assertFalse(PasswordBusyException.isCause(loop), "a cause cycle ends");
    }
}
