package org.latchkey.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory standings: read once, dropped by a local change, by another instance's line, and by a failed look. */
class StandingsTest {

    /** The database as the cache sees it: rows, change lines, reads counted. */
    static final class Rows extends UserService {
        final Map<String, Standing> rows = new HashMap<>();
        final List<StandingChange> changes = new ArrayList<>();
        int reads;
        boolean away;

        @Override
        public Optional<Standing> standing(String uuid) {
            reads++;
            return Optional.ofNullable(rows.get(uuid));
        }

        @Override
        public List<StandingChange> standingChangesSince(OffsetDateTime since) {
            if (away) {
                throw new IllegalStateException("the database is away");
            }
            return changes.stream().filter(c -> c.getChangedAt().isAfter(since)).toList();
        }

        @Override
        public int purgeStandingChanges(OffsetDateTime before) {
            return 0;
        }
    }

    private final Rows rows = new Rows();
    private final Standings standings = new Standings();

    StandingsTest() {
        standings.users = rows;
        rows.rows.put("ada", new Standing(1, true, false, false, null));
    }

    @Test
    void aPersonIsReadOnceAndThenFromMemory() {
        assertTrue(standings.of("ada").get().active());
        assertTrue(standings.of("ada").get().active());
        assertFalse(standings.of("nobody").isPresent());
        assertFalse(standings.of("nobody").isPresent(), "no such person is remembered too: made-up tokens read nothing");
        assertEquals(2, rows.reads);
    }

    @Test
    void aChangeOnThisInstanceDropsThePersonOnceItCommits() {
        standings.of("ada");
        rows.rows.put("ada", new Standing(1, false, false, false, null));
        assertTrue(standings.of("ada").get().active(), "before the change is known: memory");
        standings.changed(new StandingChanged("ada"));
        assertFalse(standings.of("ada").get().active(), "after it: read again");
        assertEquals(2, rows.reads);
    }

    @Test
    void aChangeOnAnotherInstanceIsNoticedAtTheNextLook() {
        standings.of("ada");
        rows.rows.put("ada", new Standing(1, true, true, true, null));
        standings.look();
        assertFalse(standings.of("ada").get().superuser(), "no line yet: memory");
        rows.changes.add(new StandingChange("ada", OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(3)));
        standings.look();
        assertTrue(standings.of("ada").get().superuser(), "a line written a few seconds ago (a late commit) still counts");
        rows.changes.add(new StandingChange("ada", OffsetDateTime.now(ZoneOffset.UTC).minus(Standings.OVERLAP).minusSeconds(5)));
        int reads = rows.reads;
        standings.look();
        standings.look();
        standings.of("ada");
        assertEquals(reads + 1, rows.reads, "the recent line drops it once per look; the old one is not looked for");
    }

    @Test
    void aFailedLookForgetsEverything() {
        standings.of("ada");
        rows.away = true;
        standings.look();
        assertEquals(0, standings.size());
        rows.rows.put("ada", new Standing(1, false, false, false, null));
        assertFalse(standings.of("ada").get().active(), "read again");
    }
}
