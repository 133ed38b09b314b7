package org.latchkey.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * At most {@link MailSettings#hourlyLimit()} mails of one kind to one address in any hour, counted in the database
 * so that every instance counts the same: a flood of reset requests for one address sends that many mails, not a
 * flood. (Two instances deciding in the same instant may each send one more; the limit stays a few.)
 */
@ApplicationScoped
public class MailQuota {

    private static final Duration HOUR = Duration.ofHours(1);

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    MailSettings settings;

    /** Counts a mail and says yes, or says no when the hour's mails to this address are used up. */
    @Transactional
    public boolean take(String address, String kind) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String key = address.strip().toLowerCase(Locale.ROOT);
        long sent = em.createNamedQuery(SentMail.COUNT, Long.class).setParameter("address", key)
                .setParameter("kind", kind).setParameter("since", now.minus(HOUR)).getSingleResult();
        if (sent >= settings.hourlyLimit()) {
            return false;
        }
        em.persist(new SentMail(key, kind, now));
        return true;
    }

    /** Rows older than an hour count for nothing. */
    @Transactional
    public int purge() {
        return em.createNamedQuery(SentMail.PURGE).setParameter("before", OffsetDateTime.now(ZoneOffset.UTC).minus(HOUR))
                .executeUpdate();
    }
}
