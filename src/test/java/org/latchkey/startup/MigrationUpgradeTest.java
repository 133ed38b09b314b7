package org.latchkey.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * An installation created by the first migration set, with people and sessions in it, upgrades to the current
 * schema with nothing lost — on H2 always, and on PostgreSQL when LATCHKEY_DB_HOST points at one (CI sets it).
 */
class MigrationUpgradeTest {

    @Test
    void upgradesH2() throws Exception {
        String url = "jdbc:h2:mem:upgrade" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        upgrade(url, "sa", "", null);
    }

    @Test
    void upgradesPostgresql() throws Exception {
        assumeTrue(System.getenv("LATCHKEY_DB_HOST") != null, "LATCHKEY_DB_HOST not set: PostgreSQL is checked in CI");
        String url = "jdbc:postgresql://" + System.getenv("LATCHKEY_DB_HOST") + ":"
                + System.getenv().getOrDefault("LATCHKEY_DB_PORT", "5432") + "/" + System.getenv("LATCHKEY_DB_NAME");
        String schema = "upgrade_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            upgrade(url, System.getenv("LATCHKEY_DB_USER"), System.getenv("LATCHKEY_DB_PASSWORD"), schema);
        } finally {
            try (Connection c = DriverManager.getConnection(url, System.getenv("LATCHKEY_DB_USER"), System.getenv("LATCHKEY_DB_PASSWORD"));
                 Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void upgrade(String url, String user, String password, String schema) throws Exception {
        OffsetDateTime joined = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);
        flyway(url, user, password, schema, "1").migrate();
        try (Connection c = connect(url, user, password, schema)) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO latchkey_user (id, uuid, email, email_key,"
                    + " first_name, last_name, password, is_active, is_staff, is_superuser, date_joined, last_login)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, TRUE, ?, NULL)")) {
                insert.setLong(1, 4_000_000_000L); // beyond 32 bits: ids are 64-bit
                insert.setString(2, "0b4f7f9e-2b0c-4c55-9c38-3f1f5f0c2a11");
                insert.setString(3, "Zoë.Ünicode@Example.test");
                insert.setString(4, "zoë.ünicode@example.test");
                insert.setString(5, "Zoë 🚀");
                insert.setString(6, "O'Brien");
                insert.setString(7, "bcrypt_sha256$$2a$12$abcdefghijklmnopqrstuu1234567890123456789012345678901");
                insert.setObject(8, joined);
                insert.executeUpdate();
            }
        }
        flyway(url, user, password, schema, "2").migrate();
        try (Connection c = connect(url, user, password, schema); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO refresh_token (id, jti_hash, user_id, issued_at, expires_at, revoked_at)"
                    + " VALUES (7, '" + "a".repeat(64) + "', 4000000000, TIMESTAMP WITH TIME ZONE '2026-01-02 03:04:05+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-01-07 03:04:05+00', NULL)");
        }
        int applied = flyway(url, user, password, schema, "latest").migrate().migrationsExecuted;
        assertEquals(10, applied, "V3 to V12 applied on top of the old data");
        try (Connection c = connect(url, user, password, schema); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT id, email, first_name, last_name, is_superuser, date_joined,"
                    + " tokens_valid_after, email_verified FROM latchkey_user")) {
                r.next();
                assertEquals(4_000_000_000L, r.getLong(1));
                assertEquals("Zoë.Ünicode@Example.test", r.getString(2));
                assertEquals("Zoë 🚀", r.getString(3));
                assertEquals("O'Brien", r.getString(4));
                assertEquals(true, r.getBoolean(5));
                assertEquals(joined.toInstant(), r.getObject(6, OffsetDateTime.class).toInstant());
                assertEquals(null, r.getObject(7), "nobody's tokens are refused by the upgrade");
                assertEquals(false, r.getBoolean(8), "nobody's address was ever verified before");
            }
            try (ResultSet r = s.executeQuery("SELECT family_id, family_started_at, issued_at, rotated_at, client_address,"
                    + " user_agent FROM refresh_token")) {
                r.next();
                assertEquals(null, r.getObject(5), "where an old sign-in was used is not known");
                assertEquals(null, r.getObject(6));
                assertEquals("a".repeat(64), r.getString(1), "old tokens become their own family");
                assertEquals(r.getObject(3, OffsetDateTime.class).toInstant(), r.getObject(2, OffsetDateTime.class).toInstant());
                assertEquals(null, r.getObject(4));
            }
            s.executeUpdate("INSERT INTO email_link (id, token_hash, user_id, purpose, created_at, expires_at) VALUES (1, '"
                    + "b".repeat(64) + "', 4000000000, 'verify', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            try (ResultSet r = s.executeQuery("SELECT requested_from FROM email_link")) {
                r.next();
                assertEquals(null, r.getObject(1), "a link made before V11 does not say where it was asked for");
            }
            try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM throttle_count")) {
                r.next();
                assertEquals(0, r.getInt(1), "counts start empty: an upgrade forgives everyone");
            }
            try (Statement dup = c.createStatement()) {
                org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> dup.executeUpdate(
                        "INSERT INTO latchkey_user (id, uuid, email, email_key, first_name, last_name, password, is_active,"
                        + " is_staff, is_superuser, date_joined) VALUES (2, 'x', 'ZOË.ÜNICODE@example.test',"
                        + " 'zoë.ünicode@example.test', 'a', 'b', 'c', TRUE, FALSE, FALSE, CURRENT_TIMESTAMP)"),
                        "the unique email key still holds after the upgrade");
            }
        }
    }

    private static Flyway flyway(String url, String user, String password, String schema, String target) {
        var config = SchemaScripts.flyway(MigrationUpgradeTest.class.getClassLoader()).dataSource(url, user, password)
                .target(target);
        if (schema != null) {
            config.schemas(schema).createSchemas(true);
        }
        return config.load();
    }

    private static Connection connect(String url, String user, String password, String schema) throws Exception {
        Connection c = DriverManager.getConnection(url, user, password);
        if (schema != null) {
            c.setSchema(schema);
        }
        return c;
    }
}
