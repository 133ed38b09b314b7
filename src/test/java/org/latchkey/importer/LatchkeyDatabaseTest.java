package org.latchkey.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.latchkey.importer.ImportRules.Line;
import org.latchkey.importer.LatchkeyDatabase.Action;
import org.latchkey.importer.LatchkeyDatabase.Decision;

/**
 * The writing side of the import on an H2 database of its own, with Latchkey changing rows while the import runs:
 * someone registers with an imported address after the import read the table, someone signs in and is re-hashed
 * between the read and the update. Neither is overwritten, both are reported, the rest is written.
 */
class LatchkeyDatabaseTest {

    static final OffsetDateTime JOINED = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.UTC);
    static final String HASH = "pbkdf2_sha256$260000$c2FsdA$" + "A".repeat(43) + "=";

    private static DjangoUser user(long id, String email, String lastName) {
        return new DjangoUser(id, UUID.nameUUIDFromBytes(email.getBytes()).toString(), email, "First", lastName, HASH,
                true, false, false, JOINED, null);
    }

    @Test
    void latchkeysOwnChangesDuringTheImportAreNeitherOverwrittenNorLost() throws Exception {
        String url = "jdbc:h2:mem:import-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        List<DjangoUser> django = new ArrayList<>(List.of(user(1, "a@example.test", "A"), user(2, "b@example.test", "B"),
                user(3, "c@example.test", "C")));
        try (Connection latchkey = DriverManager.getConnection(url, "latchkey", "latchkey");
             Statement sql = latchkey.createStatement()) {
            try (LatchkeyDatabase db = LatchkeyDatabase.open(url, "latchkey", "latchkey")) {
                db.migrate();
                db.load();
                List<Decision> decisions = db.decide(ImportRules.plan(django, true).people());
                assertEquals(List.of(Action.ADD, Action.ADD, Action.ADD), decisions.stream().map(Decision::action).toList());
                // someone registers at Latchkey with b's address after the import read the table
                sql.execute("INSERT INTO latchkey_user (id, uuid, email, email_key, first_name, last_name, password,"
                        + " is_active, is_staff, is_superuser, date_joined, email_verified) VALUES (50, 'u-50',"
                        + " 'B@example.test', 'b@example.test', 'Bee', 'Native', 'x', TRUE, FALSE, FALSE,"
                        + " CURRENT_TIMESTAMP, TRUE)");
                db.restartSequence(db.nextId(decisions));
                List<Line> failed = db.write(decisions, n -> { });
                assertEquals(List.of(2L), failed.stream().map(Line::id).toList());
                assertEquals(List.of(2L), db.notWritten().stream().map(d -> d.person().id()).toList());
            }
            assertEquals(List.of("1 A", "3 C", "50 Native"), rows(sql));

            // a re-run: Django renamed a and c; c signs in at Latchkey (re-hashed) between the read and the update
            django.set(0, user(1, "a@example.test", "A2"));
            django.set(2, user(3, "c@example.test", "C2"));
            try (LatchkeyDatabase db = LatchkeyDatabase.open(url, "latchkey", "latchkey")) {
                db.migrate();
                db.load();
                List<Decision> decisions = db.decide(ImportRules.plan(django, true).people());
                assertEquals(List.of(Action.UPDATE, Action.SKIP, Action.UPDATE),
                        decisions.stream().map(Decision::action).toList(), "b's address is taken now: said so");
                sql.execute("UPDATE latchkey_user SET password = 'bcrypt_sha256$$2a$12$rehashed' WHERE id = 3");
                assertEquals(List.of(), db.write(decisions, n -> { }));
                assertEquals(List.of(3L), db.keptMeanwhile().stream().map(d -> d.person().id()).toList());
                assertEquals(51, db.nextId(decisions), "past the highest id there is");
            }
            assertEquals(List.of("1 A2", "3 C", "50 Native"), rows(sql), "a updated, c as Latchkey left it");
            try (ResultSet changes = sql.executeQuery("SELECT COUNT(*) FROM standing_change")) {
                changes.next();
                assertEquals(1, changes.getInt(1), "running instances re-read a's standing");
            }
        }
    }

    private static List<String> rows(Statement sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery("SELECT id, last_name FROM latchkey_user ORDER BY id")) {
            while (result.next()) {
                rows.add(result.getLong(1) + " " + result.getString(2));
            }
        }
        return rows;
    }
}
