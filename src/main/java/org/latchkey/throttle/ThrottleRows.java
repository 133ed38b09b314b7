package org.latchkey.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Makes a key's row in a transaction of its own (the caller's waits), so that it can be locked. */
@ApplicationScoped
public class ThrottleRows {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    /** An empty count for {@code key}; nothing when another request (or instance) has just made it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void insert(String key, Instant now) {
        try {
            em.persist(new ThrottleCount(key, 0, DatabaseAttemptStore.utc(now), DatabaseAttemptStore.utc(now)));
            em.flush();
        } catch (PersistenceException e) {
            // the primary key says someone was first: their row is the one to lock (this transaction rolls back)
            throw new RowExists(e);
        }
    }

    /** The row was there already; the caller reads it. */
    public static final class RowExists extends RuntimeException {
        RowExists(Throwable cause) {
            super("throttle row exists", cause, false, false);
        }
    }
}
