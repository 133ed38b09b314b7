package org.latchkey.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.latchkey.importer.ImportRules.Line;
import org.latchkey.importer.ImportRules.Person;
import org.latchkey.startup.SchemaScripts;

/**
 * Latchkey's database, written with plain JDBC: the schema brought to the current version (Flyway, the WAR's own
 * scripts), then each person added, updated or left alone. {@code django_import} remembers a digest of each row as
 * the last import wrote it, so a re-run updates only rows Latchkey has not changed since (a sign-in re-hashes the
 * password, a person may change their name): Latchkey's changes are never undone.
 */
final class LatchkeyDatabase implements AutoCloseable {

    /** What the import does to one person. */
    enum Action { ADD, UPDATE, UNCHANGED, KEPT, SKIP, NOT_WRITTEN }

    /** The decision for one person, with the reason when it is KEPT or SKIP. */
    record Decision(Person person, Action action, String why) {
    }

    private static final int BATCH = 500;
    private static final String FIELDS = "uuid, email, email_key, first_name, last_name, password, is_active, is_staff,"
            + " is_superuser, date_joined, last_login, email_verified";

    private final Connection connection;
    private final boolean postgres;
    private final String url;
    private final String user;
    private final String password;

    /** A row already in Latchkey's database, with the digest the last import left for it (null: not imported). */
    private record Existing(Person row, String importedDigest) {
    }

    private final Map<Long, Existing> byId = new HashMap<>();
    private final Map<String, Long> idByUuid = new HashMap<>();
    private final Map<String, Long> idByEmailKey = new HashMap<>();
    private boolean schemaPresent;
    /** Updates not made because the row changed at Latchkey while the import ran (a sign-in, say). */
    private final List<Decision> keptMeanwhile = new ArrayList<>();
    /** Adds and updates the database refused. */
    private final List<Decision> notWritten = new ArrayList<>();

    private LatchkeyDatabase(Connection connection, String url, String user, String password) {
        this.connection = connection;
        this.url = url;
        this.user = user;
        this.password = password;
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    static LatchkeyDatabase open(String url, String user, String password) throws ImportException {
        try {
            return new LatchkeyDatabase(DriverManager.getConnection(url, user, password), url, user, password);
        } catch (SQLException e) {
            if (url.startsWith("jdbc:h2:") && e.getErrorCode() == 90020) { // DATABASE_ALREADY_OPEN_1
                throw new ImportException("The H2 database " + ImportException.shown(url) + " is in use: stop Latchkey first (an embedded H2"
                        + " file opens in one process at a time)", e);
            }
            throw new ImportException("Cannot open Latchkey's database " + ImportException.shown(url) + ": "
                    + ImportException.firstLine(e.getMessage()), e);
        }
    }

    /** Brings the schema to the version of this build, as Latchkey does at start-up. */
    String migrate() throws ImportException {
        try {
            MigrateResult result = SchemaScripts.flyway(LatchkeyDatabase.class.getClassLoader())
                    .dataSource(url, user, password).load().migrate();
            return "version " + (result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : result.initialSchemaVersion) + " (" + result.migrationsExecuted + " scripts applied now)";
        } catch (FlywayException e) {
            throw new ImportException("Cannot bring Latchkey's schema up to date: "
                    + ImportException.firstLine(e.getMessage()), e);
        }
    }

    /** No database yet (a dry run before Latchkey's first start, which must not create the H2 file): nobody. */
    static LatchkeyDatabase none(String url) {
        return new LatchkeyDatabase(null, url, null, null);
    }

    /** Reads who is there already; an empty database has nobody. */
    void load() throws ImportException {
        if (connection == null) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            schemaPresent = exists(statement, "latchkey_user");
            if (!schemaPresent) {
                return;
            }
            boolean imports = exists(statement, "django_import");
            String sql = "SELECT u.id, " + prefixed("u.") + (imports ? ", d.row_digest FROM latchkey_user u"
                    + " LEFT JOIN django_import d ON d.user_id = u.id" : ", NULL FROM latchkey_user u");
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    Person row = person(rows);
                    byId.put(row.id(), new Existing(row, rows.getString(14)));
                    idByUuid.put(row.uuid(), row.id());
                    idByEmailKey.put(row.emailKey(), row.id());
                }
            }
        } catch (SQLException e) {
            throw new ImportException("Cannot read Latchkey's people: " + ImportException.firstLine(e.getMessage()), e);
        }
    }

    /** The updates {@link #write} left alone because Latchkey changed the row while the import ran. */
    List<Decision> keptMeanwhile() {
        return List.copyOf(keptMeanwhile);
    }

    /** The adds and updates {@link #write} could not make (reported by its lines). */
    List<Decision> notWritten() {
        return List.copyOf(notWritten);
    }

    /** What the import would do to each person, against the rows read by {@link #load()}. */
    List<Decision> decide(List<Person> people) {
        List<Decision> decisions = new ArrayList<>(people.size());
        for (Person person : people) {
            Existing existing = byId.get(person.id());
            Decision decision;
            if (existing != null && existing.importedDigest() == null) {
                decision = new Decision(person, Action.SKIP, "id " + person.id() + " is a Latchkey account's ("
                        + existing.row().email() + "), not an imported one");
            } else if (existing != null && !digest(existing.row()).equals(existing.importedDigest())) {
                decision = new Decision(person, Action.KEPT, "changed at Latchkey since the last import: kept as it is");
            } else if (existing != null && digest(existing.row()).equals(digest(person))) {
                decision = new Decision(person, Action.UNCHANGED, null);
            } else {
                Long uuidHolder = idByUuid.get(person.uuid());
                Long addressHolder = idByEmailKey.get(person.emailKey());
                if (uuidHolder != null && uuidHolder != person.id()) {
                    decision = new Decision(person, Action.SKIP, "user_uuid " + person.uuid()
                            + " is already account #" + uuidHolder + "'s");
                } else if (addressHolder != null && addressHolder != person.id()) {
                    decision = new Decision(person, Action.SKIP, "the address is already account #" + addressHolder
                            + "'s at Latchkey");
                } else {
                    decision = new Decision(person, existing == null ? Action.ADD : Action.UPDATE, null);
                    if (existing != null) {
                        idByEmailKey.remove(existing.row().emailKey());
                        idByUuid.remove(existing.row().uuid());
                    }
                    idByEmailKey.put(person.emailKey(), person.id());
                    idByUuid.put(person.uuid(), person.id());
                }
            }
            decisions.add(decision);
        }
        return decisions;
    }

    /**
     * Adds and updates, {@value #BATCH} people a transaction; a batch the database refuses (someone registered at
     * Latchkey meanwhile, say) is redone a person at a time and who could not be written is reported.
     */
    List<Line> write(List<Decision> decisions, IntConsumer progress) throws ImportException {
        List<Line> failed = new ArrayList<>();
        List<Decision> batch = new ArrayList<>(BATCH);
        try {
            connection.setAutoCommit(false);
            for (Decision decision : decisions) {
                if (decision.action() == Action.ADD || decision.action() == Action.UPDATE) {
                    batch.add(decision);
                } else {
                    progress.accept(1);
                }
                if (batch.size() == BATCH) {
                    writeBatch(batch, failed, progress);
                }
            }
            writeBatch(batch, failed, progress);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new ImportException("Latchkey's database stopped the import: " + ImportException.firstLine(e.getMessage())
                    + " (what was written before stays; run the import again)", e);
        }
        return failed;
    }

    private void writeBatch(List<Decision> batch, List<Line> failed, IntConsumer progress) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try {
            commit(batch);
        } catch (SQLException wholeBatch) {
            connection.rollback();
            for (Decision decision : batch) {
                try {
                    commit(List.of(decision));
                } catch (SQLException one) {
                    connection.rollback();
                    notWritten.add(decision);
                    failed.add(new Line(decision.person().id(), decision.person().label(), "not written: "
                            + ImportException.firstLine(one.getMessage())));
                }
            }
        }
        progress.accept(batch.size());
        batch.clear();
    }

    /** Writes and commits {@code decisions}; the updates Latchkey's own changes won count as kept once committed. */
    private void commit(List<Decision> decisions) throws SQLException {
        List<Decision> raced = apply(decisions);
        connection.commit();
        keptMeanwhile.addAll(raced);
    }

    /** Writes {@code decisions}; returns the updates left alone because the row changed at Latchkey since it was read. */
    private List<Decision> apply(List<Decision> decisions) throws SQLException {
        List<Decision> raced = new ArrayList<>();
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO latchkey_user (id, " + FIELDS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement update = connection.prepareStatement("UPDATE latchkey_user SET uuid = ?, email = ?,"
                     + " email_key = ?, first_name = ?, last_name = ?, password = ?, is_active = ?, is_staff = ?,"
                     + " is_superuser = ?, date_joined = ?, last_login = ?, email_verified = ? WHERE id = ?");
             PreparedStatement lock = connection.prepareStatement("SELECT u.id, " + prefixed("u.")
                     + ", d.row_digest FROM latchkey_user u JOIN django_import d ON d.user_id = u.id WHERE u.id = ?"
                     + " FOR UPDATE");
             PreparedStatement forget = connection.prepareStatement("DELETE FROM django_import WHERE user_id = ?");
             PreparedStatement remember = connection.prepareStatement(
                     "INSERT INTO django_import (user_id, row_digest, imported_at) VALUES (?, ?, ?)");
             PreparedStatement changed = connection.prepareStatement(
                     "INSERT INTO standing_change (id, user_uuid, changed_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
            for (Decision decision : decisions) {
                Person p = decision.person();
                if (decision.action() == Action.ADD) {
                    insert.setLong(1, p.id());
                    bind(insert, 2, p);
                    insert.addBatch();
                } else {
                    lock.setLong(1, p.id());
                    try (ResultSet row = lock.executeQuery()) {
                        // signed in at Latchkey between the read and now: Latchkey's row stands
                        if (!row.next() || !digest(person(row)).equals(row.getString(14))) {
                            raced.add(decision);
                            continue;
                        }
                    }
                    bind(update, 1, p);
                    update.setLong(13, p.id());
                    update.addBatch();
                    changed.setString(1, UUID.randomUUID().toString()); // running instances re-read the standing
                    changed.setString(2, p.uuid()); // stamped by the database's clock, as Latchkey stamps them
                    changed.addBatch();
                }
                forget.setLong(1, p.id());
                forget.addBatch();
                remember.setLong(1, p.id());
                remember.setString(2, digest(p));
                remember.setObject(3, OffsetDateTime.parse(now));
                remember.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
            changed.executeBatch();
            forget.executeBatch();
            remember.executeBatch();
        }
        return raced;
    }

    /**
     * The id the next person to register gets: past every id there is and will be after the import, and never back
     * (an id a deleted account had is never given again — downstream services mirror people by it).
     */
    long nextId(List<Decision> decisions) throws ImportException {
        long highest = byId.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        for (Decision decision : decisions) {
            if (decision.action() == Action.ADD) {
                highest = Math.max(highest, decision.person().id());
            }
        }
        if (!schemaPresent) {
            return highest + 1;
        }
        try (Statement statement = connection.createStatement()) {
            return Math.max(sequenceNext(statement), highest + 1);
        } catch (SQLException e) {
            throw new ImportException("Cannot read the id sequence: " + ImportException.firstLine(e.getMessage()), e);
        }
    }

    private long sequenceNext(Statement statement) throws SQLException {
        String sql = postgres
                ? "SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM latchkey_user_seq"
                : "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'LATCHKEY_USER_SEQ'";
        try (ResultSet row = statement.executeQuery(sql)) {
            return row.next() ? row.getLong(1) : 1;
        }
    }

    void restartSequence(long next) throws ImportException {
        try (Statement statement = connection.createStatement()) {
            if (sequenceNext(statement) < next) {
                statement.execute("ALTER SEQUENCE latchkey_user_seq RESTART WITH " + next);
            }
        } catch (SQLException e) {
            throw new ImportException("Cannot move the id sequence: " + ImportException.firstLine(e.getMessage()), e);
        }
    }

    private static boolean exists(Statement statement, String table) {
        try (ResultSet ignored = statement.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0")) {
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }

    private static String prefixed(String prefix) {
        return prefix + FIELDS.replace(", ", ", " + prefix);
    }

    private static Person person(ResultSet rows) throws SQLException {
        return new Person(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getBoolean(8), rows.getBoolean(9), rows.getBoolean(10),
                rows.getObject(11, OffsetDateTime.class), rows.getObject(12, OffsetDateTime.class),
                rows.getBoolean(13));
    }

    private static void bind(PreparedStatement statement, int first, Person p) throws SQLException {
        statement.setString(first, p.uuid());
        statement.setString(first + 1, p.email());
        statement.setString(first + 2, p.emailKey());
        statement.setString(first + 3, p.firstName());
        statement.setString(first + 4, p.lastName());
        statement.setString(first + 5, p.password());
        statement.setBoolean(first + 6, p.active());
        statement.setBoolean(first + 7, p.staff());
        statement.setBoolean(first + 8, p.superuser());
        statement.setObject(first + 9, p.dateJoined());
        if (p.lastLogin() == null) {
            statement.setNull(first + 10, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(first + 10, p.lastLogin());
        }
        statement.setBoolean(first + 11, p.emailVerified());
    }

    /** SHA-256 of the fields as Latchkey stores them, times to the microsecond: equal rows, equal digests. */
    static String digest(Person p) {
        String text = String.join("\u0000", p.uuid(), p.email(), p.firstName(), p.lastName(), p.password(),
                String.valueOf(p.active()), String.valueOf(p.staff()), String.valueOf(p.superuser()), micros(p.dateJoined()),
                micros(p.lastLogin()), String.valueOf(p.emailVerified()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String micros(OffsetDateTime time) {
        return time == null ? "" : time.toInstant().truncatedTo(ChronoUnit.MICROS).toString();
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // closing after the work is done: nothing to lose
        }
    }
}
