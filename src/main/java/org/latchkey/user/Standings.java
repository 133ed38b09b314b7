package org.latchkey.user;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The people's {@link Standing} as the auth host checks it on every request with a token, kept in memory so that
 * such a request reads no row. How stale an entry may be, and who drops it:
 * <ul>
 * <li>on the instance that changed a person (deactivation, a role, sign out everywhere, a new password), at once:
 * the change fires {@link StandingChanged} and the entry is dropped when its transaction has committed;</li>
 * <li>on every other instance within about {@link #POLL} (one second): each instance reads the
 * {@code standing_change} lines written since its last look (with {@link #OVERLAP} of overlap, for transactions
 * that committed late) and drops those people;</li>
 * <li>when a look fails or comes late (the database away, a stalled instance), everything is dropped;</li>
 * <li>and every entry is read again after {@link #TTL} whatever happens.</li>
 * </ul>
 * At most {@link #MAX_ENTRIES} people are kept (about 100 bytes each); past that, standings are read, not kept.
 */
@ApplicationScoped
public class Standings {

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration OVERLAP = Duration.ofSeconds(10);
    static final Duration TTL = Duration.ofSeconds(60);
    static final Duration KEEP_CHANGES = Duration.ofHours(1);
    static final int MAX_ENTRIES = 100_000;
    private static final Logger LOG = Logger.getLogger(Standings.class.getName());

    private record Entry(Optional<Standing> standing, long readAt) {
    }

    @Inject
    UserService users;

    @Resource
    ManagedScheduledExecutorService executor;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile OffsetDateTime newestSeen = OffsetDateTime.now(ZoneOffset.UTC);
    private volatile long lastLook = System.nanoTime();
    private long looks;

    /** The person's standing, from memory when it is fresh enough; empty for no such person. */
    public Optional<Standing> of(String uuid) {
        long now = System.nanoTime();
        Entry entry = entries.get(uuid);
        if (entry != null && now - entry.readAt() < TTL.toNanos() && now - lastLook < OVERLAP.toNanos()) {
            return entry.standing();
        }
        Optional<Standing> standing = users.standing(uuid);
        if (entries.size() < MAX_ENTRIES) {
            entries.put(uuid, new Entry(standing, now));
        }
        return standing;
    }

    /** After a change of this person's standing has committed (or rolled back): read it again next time. */
    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) StandingChanged change) {
        entries.remove(change.uuid());
    }

    public void start() {
        try {
            newestSeen = users.databaseNow(); // the database's clock, as the lines are stamped with it
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not read the database's clock; reading changes from this JVM's: " + e);
        }
        executor.scheduleWithFixedDelay(this::look, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look at what other instances changed; public for the housekeeping-style tests. */
    public void look() {
        try {
            long started = System.nanoTime();
            boolean late = started - lastLook > OVERLAP.toNanos();
            List<StandingChange> changes = users.standingChangesSince(newestSeen.minus(OVERLAP));
            if (late) {
                entries.clear(); // lines may have been purged since: nothing kept can be trusted
            }
            for (StandingChange change : changes) {
                entries.remove(change.getUserUuid());
                if (change.getChangedAt().isAfter(newestSeen)) {
                    newestSeen = change.getChangedAt();
                }
            }
            lastLook = started;
            if (++looks % 600 == 0) { // about every ten minutes
                users.purgeStandingChanges(OffsetDateTime.now(ZoneOffset.UTC).minus(KEEP_CHANGES));
            }
        } catch (RuntimeException e) {
            entries.clear();
            LOG.warning(() -> "Could not read the changes of standing; every request reads the database until it can: " + e);
        }
    }

    /** People kept in memory now. */
    public int size() {
        return entries.size();
    }
}
