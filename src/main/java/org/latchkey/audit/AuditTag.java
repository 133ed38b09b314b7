package org.latchkey.audit;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * What every audit line of one request shares: a request id (also sent as {@code X-Request-Id}), who was signed in
 * when the event happened (the actor) and the client's real address. Set for the request's thread when the request
 * begins (before authentication: the mechanism's own events carry it too) and carried to work the request hands to
 * the managed executor ({@link #carry}), so a mail sent later says which request asked for it.
 */
public final class AuditTag {

    /** The request attribute holding the id, for the response header. */
    public static final String REQUEST_ID = "latchkey.requestId";
    private static final ThreadLocal<AuditTag> CURRENT = new ThreadLocal<>();

    private final String id;
    private final Supplier<String> actor;
    private final Supplier<String> client;

    private AuditTag(String id, Supplier<String> actor, Supplier<String> client) {
        this.id = id;
        this.actor = actor;
        this.client = client;
    }

    /** 16 hex digits: unique enough to find a request's lines, and not a secret. */
    public static String newId() {
        return java.util.HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    /**
     * This thread serves a request from now on.
     *
     * @param actor the signed-in person's UUID when asked (null: nobody), read at each event: a sign-in in the request
     *     changes it
     * @param client the real client address, read once when first needed
     */
    public static void begin(String id, Supplier<String> actor, Supplier<String> client) {
        CURRENT.set(new AuditTag(id, actor, once(client)));
    }

    public static void end() {
        CURRENT.remove();
    }

    /** This thread's tag, or null (a timer, a test's plain thread). */
    static AuditTag current() {
        return CURRENT.get();
    }

    /** {@code work} with this thread's tag as it is now (actor and client fixed), for another thread. */
    public static Runnable carry(Runnable work) {
        AuditTag tag = CURRENT.get();
        if (tag == null) {
            return work;
        }
        String actorNow = tag.actor();
        String clientNow = tag.client();
        AuditTag fixed = new AuditTag(tag.id, () -> actorNow, () -> clientNow);
        return () -> {
            AuditTag before = CURRENT.get();
            CURRENT.set(fixed);
            try {
                work.run();
            } finally {
                if (before == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(before);
                }
            }
        };
    }

    String id() {
        return id;
    }

    /** The signed-in person, or null. */
    String actor() {
        try {
            return actor.get();
        } catch (RuntimeException e) { // a request already recycled: nobody can be named
            return null;
        }
    }

    String client() {
        try {
            return client.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Supplier<String> once(Supplier<String> supplier) {
        return new Supplier<>() {
            private String value;
            private boolean known;

            @Override
            public String get() {
                if (!known) {
                    value = supplier.get();
                    known = true;
                }
                return value;
            }
        };
    }
}
