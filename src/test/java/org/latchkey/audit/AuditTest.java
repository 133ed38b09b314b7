package org.latchkey.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request thread makes the line; one writer writes it; nothing is lost when the writer cannot keep up. */
class AuditTest {

    private final List<String> written = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            written.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    /** Tasks handed to the "executor", run when the test says so. */
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private final Audit audit = new Audit();

    @BeforeEach
    void listen() {
        Logger.getLogger(Audit.LOGGER).addHandler(handler);
        Logger.getLogger(Audit.LOGGER).setUseParentHandlers(false);
        audit.writerThreads = tasks::add;
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(Audit.LOGGER).removeHandler(handler);
        Logger.getLogger(Audit.LOGGER).setUseParentHandlers(true);
    }

    private void runTasks() {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    @Test
    void theRequestThreadOnlyQueuesAndOneWriterWritesInOrder() {
        for (int i = 0; i < 100; i++) {
            audit.event("login", "uuid-" + i, "10.0.0.1", "failure");
        }
        assertEquals(List.of(), written, "nothing written on the caller");
        assertEquals(1, tasks.size(), "one writer for the burst, not one task a line");
        runTasks();
        assertEquals(100, written.size());
        for (int i = 0; i < 100; i++) {
            assertTrue(written.get(i).contains("\"user\":\"uuid-" + i + "\""), written.get(i));
        }
        assertTrue(written.get(0).startsWith("{\"time\":\""), written.get(0));
        assertTrue(written.get(0).endsWith("\"event\":\"login\",\"actor\":\"system\",\"user\":\"uuid-0\",\"client\":\"10.0.0.1\",\"outcome\":\"failure\"}"),
                written.get(0));

        audit.event("logout", "uuid-x", null, "success");
        assertEquals(1, tasks.size(), "the writer stepped down and is called again for the next line");
        runTasks();
        assertEquals(101, written.size());
    }

    @Test
    void aFullQueueIsWrittenByTheCallerNeverDropped() {
        for (int i = 0; i < Audit.QUEUE + 5; i++) {
            audit.event("login", "uuid-" + i, null, "failure");
        }
        assertEquals(5, written.size(), "past the queue the caller writes its own line");
        runTasks();
        assertEquals(Audit.QUEUE + 5, written.size());
        assertEquals(Audit.QUEUE + 5, written.stream().distinct().count(), "each line once");
    }

    @Test
    void aRefusingExecutorMeansTheCallerWrites() {
        audit.writerThreads = task -> {
            throw new RejectedExecutionException("shutting down");
        };
        audit.event("refresh", "u", null, "success");
        audit.event("refresh", "v", null, "success");
        assertEquals(2, written.size());
    }

    @Test
    void stoppingWritesWhatWaitsAndLaterLinesAtOnce() {
        audit.event("login", "a", null, "success");
        audit.event("login", "b", null, "success");
        audit.stop();
        assertEquals(2, written.size(), "written at stop, not lost");
        audit.event("logout", "c", null, "success");
        assertEquals(3, written.size(), "after stop, written on the caller");
        runTasks();
        assertEquals(3, written.size(), "the late writer finds nothing twice");
    }

    @Test
    void withoutAnExecutorEachLineIsWrittenAtOnce() {
        Audit plain = new Audit();
        plain.event("login", "a", null, "success", "admin-uuid");
        assertEquals(1, written.size());
        assertTrue(written.get(0).contains("\"actor\":\"admin-uuid\",\"user\":\"a\""), written.get(0));
    }

    @Test
    void aRequestsLinesCarryItsIdTheSignedInPersonAndTheClient() throws Exception {
        Audit plain = new Audit();
        String[] signedIn = {null};
        int[] clientLookups = {0};
        AuditTag.begin("00000000000000ab", () -> signedIn[0], () -> {
            clientLookups[0]++;
            return "203.0.113.9";
        });
        try {
            plain.event("login", "person", null, "wrong-password");
            signedIn[0] = "person"; // signed in within the request
            plain.event("login", "person", null, "success");
            plain.event("roles-changed", "other", "198.51.100.1", "staff", "admin-uuid");
            Thread later = new Thread(AuditTag.carry(() -> plain.event("mail-reset", "person", null, "sent")));
            signedIn[0] = "someone-else";
            later.start();
            later.join();
        } finally {
            AuditTag.end();
        }
        plain.event("unverified-accounts-removed", null, null, "0");
        assertEquals(5, written.size());
        assertTrue(written.get(0).endsWith("\"request\":\"00000000000000ab\",\"event\":\"login\",\"actor\":\"anonymous\","
                + "\"user\":\"person\",\"client\":\"203.0.113.9\",\"outcome\":\"wrong-password\"}"), written.get(0));
        assertTrue(written.get(1).contains("\"actor\":\"person\",\"user\":\"person\""), written.get(1));
        assertTrue(written.get(2).contains("\"actor\":\"admin-uuid\",\"user\":\"other\",\"client\":\"198.51.100.1\""),
                written.get(2));
        assertTrue(written.get(3).contains("\"request\":\"00000000000000ab\",\"event\":\"mail-reset\",\"actor\":\"person\","
                + "\"user\":\"person\",\"client\":\"203.0.113.9\""), "carried as it was when handed over: " + written.get(3));
        assertEquals(1, clientLookups[0], "the address is worked out once a request");
        assertTrue(written.get(4).contains("\"event\":\"unverified-accounts-removed\",\"actor\":\"system\",\"outcome\""),
                "outside a request: no id, the system: " + written.get(4));
    }

    @Test
    void linesFromManyThreadsAllArrive() throws Exception {
        Executor realWriter = task -> new Thread(task).start();
        audit.writerThreads = realWriter;
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int caller = t;
            callers.add(new Thread(() -> {
                for (int i = 0; i < 1_000; i++) {
                    audit.event("login", caller + "-" + i, null, "failure");
                }
            }));
        }
        callers.forEach(Thread::start);
        for (Thread caller : callers) {
            caller.join();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (written.size() < 8_000 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(8_000, written.size());
        assertEquals(8_000, written.stream().distinct().count());
    }
}
