package org.latchkey.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Counts in the database every instance shares: a row per key, held with a row lock ({@code SELECT … FOR UPDATE})
 * for the caller's transaction. A key seen for the first time gets its row in a transaction of its own, so two
 * instances inserting it at once cost one of them nothing but a retry of the read.
 */
@ApplicationScoped
public class DatabaseAttemptStore implements AttemptStore {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    ThrottleRows rows;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Failures hold(String key, Instant now) {
        ThrottleCount row = em.find(ThrottleCount.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            try {
                rows.insert(key, now);
            } catch (ThrottleRows.RowExists | jakarta.transaction.TransactionalException e) {
                // made by another request a moment ago: lock that one
            }
            row = em.find(ThrottleCount.class, key, LockModeType.PESSIMISTIC_WRITE);
        }
        if (row == null || row.getFailures() == 0 || row.getForgetAt().toInstant().isBefore(now)) {
            return Failures.NONE;
        }
        return new Failures(row.getFailures(), row.getLastFailure().toInstant());
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void put(String key, Failures failures, Instant forgetAt) {
        ThrottleCount row = em.find(ThrottleCount.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (row != null) {
            row.set(failures.count(), utc(failures.last()), utc(forgetAt));
        }
    }

    @Override
    @Transactional
    public int purge(Instant now) {
        return em.createNamedQuery(ThrottleCount.PURGE).setParameter("now", utc(now)).executeUpdate();
    }

    @Override
    @Transactional
    public long size() {
        return em.createNamedQuery(ThrottleCount.COUNT, Long.class).getSingleResult();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
