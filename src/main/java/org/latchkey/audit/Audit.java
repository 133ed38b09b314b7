package org.latchkey.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Writes audit events; route the {@code latchkey.audit} logger to its own file in the server's logging set-up.
 *
 * <p>A line is made on the request thread (its time is the event's) and written by one writer on the server's
 * managed executor: the server's log handlers write one record at a time, and a request thread must not queue
 * behind them (a 50-connection login flood had 28 request threads waiting on the console handler's lock). At most
 * {@link #QUEUE} lines wait; past that, or when the executor refuses, the request thread writes its line itself — a
 * line is never dropped. Waiting lines are written when the application stops; a killed process loses them (they
 * are usually written within a millisecond). Each event is also fired as an {@link AuditEvent}: the metrics count
 * what the audit trail says, so the two never disagree.
 */
@ApplicationScoped
public class Audit {

    public static final String LOGGER = "latchkey.audit";
    static final int QUEUE = 10_000;
    private static final Logger LOG = Logger.getLogger(LOGGER);
    /** Looked up once: {@code Json.createObjectBuilder()} asks the {@code ServiceLoader} on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Resource
    ManagedExecutorService executor;

    /** Told of each event as it happens, on the caller's thread (the metrics count them). */
    @Inject
    Event<AuditEvent> listeners;

    /** Where the writer runs; none (a unit test's plain {@code new Audit()}): each line is written at once. */
    Executor writerThreads;

    private final BlockingQueue<String> waiting = new LinkedBlockingQueue<>(QUEUE);
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile boolean open = true;

    @PostConstruct
    void start() {
        writerThreads = executor;
    }

    public void event(String event, String userUuid, String client, String outcome) {
        event(event, userUuid, client, outcome, null);
    }

    /**
     * One line: {@code time}, {@code request} (the request's id, none outside a request), {@code event}, {@code actor}
     * (who did it: a superuser acting on someone, else whoever was signed in on the request when it happened;
     * {@code anonymous} when nobody was, {@code system} outside a request), {@code user} (whom it is about), {@code
     * client} (the real client address) and {@code outcome}.
     *
     * @param actorUuid who did it to {@code userUuid}, when that is someone other than the request's signed-in person
     */
    public void event(String event, String userUuid, String client, String outcome, String actorUuid) {
        AuditTag tag = AuditTag.current();
        JsonObjectBuilder line = JSON.createObjectBuilder().add("time", Instant.now().toString());
        if (tag != null) {
            line.add("request", tag.id());
        }
        line.add("event", event);
        String actor = actorUuid != null ? actorUuid : tag == null ? "system" : tag.actor();
        line.add("actor", actor == null ? "anonymous" : actor);
        if (userUuid != null) {
            line.add("user", userUuid);
        }
        if (client == null && tag != null) {
            client = tag.client();
        }
        if (client != null) {
            line.add("client", client);
        }
        write(line.add("outcome", outcome).build().toString());
        if (listeners != null) {
            listeners.fire(new AuditEvent(event, outcome));
        }
    }

    private void write(String line) {
        if (writerThreads == null || !open || !waiting.offer(line)) {
            LOG.info(line);
            return;
        }
        if (writing.compareAndSet(false, true)) {
            try {
                writerThreads.execute(this::writeWaiting);
            } catch (RejectedExecutionException e) {
                writing.set(false);
                flush();
            }
        }
    }

    /** The one writer: writes until nothing waits, then steps down — and back in if a line came meanwhile. */
    private void writeWaiting() {
        do {
            flush();
            writing.set(false);
        } while (!waiting.isEmpty() && writing.compareAndSet(false, true));
    }

    private void flush() {
        for (String line = waiting.poll(); line != null; line = waiting.poll()) {
            LOG.info(line);
        }
    }

    /** The application stops: from now on each line is written at once, and what waits is written here. */
    @PreDestroy
    void stop() {
        open = false;
        flush();
    }
}
