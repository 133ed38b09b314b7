package org.latchkey.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.jose4j.json.internal.json_simple.parser.JSONParser;
import org.jose4j.json.internal.json_simple.parser.ParseException;

/**
 * Reads the people of a Django auth service: {@code sqlite:PATH} (its SQLite file, opened read-only),
 * {@code json:PATH} (the output of {@code manage.py dumpdata auth.user}) or a JDBC URL of its PostgreSQL database
 * ({@code jdbc:postgresql://host:5432/auth?user=django}; the password from {@code LATCHKEY_IMPORT_FROM_PASSWORD}).
 * Times without a zone are read as UTC (what Django with {@code USE_TZ = True} stores in SQLite).
 */
final class DjangoSource {

    static final String PASSWORD_VARIABLE = "LATCHKEY_IMPORT_FROM_PASSWORD";
    private static final String COLUMNS = "id, username, email, first_name, last_name, password, is_active, is_staff,"
            + " is_superuser, date_joined, last_login";

    private DjangoSource() {
    }

    static List<DjangoUser> read(String from, Map<String, String> environment) throws ImportException {
        if (from.startsWith("sqlite:")) {
            Path file = Path.of(from.substring("sqlite:".length()));
            if (!Files.isRegularFile(file)) {
                throw new ImportException("--from " + from + ": no such file");
            }
            Properties properties = new Properties();
            properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: the Django service's file is never written
            return readTable("jdbc:sqlite:" + file.toAbsolutePath(), properties, from);
        } else if (from.startsWith("json:")) {
            return readDump(Path.of(from.substring("json:".length())), from);
        } else if (from.startsWith("jdbc:postgresql:")) {
            Properties properties = new Properties();
            String password = environment.get(PASSWORD_VARIABLE);
            if (password != null) {
                properties.setProperty("password", password);
            }
            return readTable(from, properties, "the Django database");
        }
        throw new ImportException("--from " + from + ": say sqlite:PATH, json:PATH (manage.py dumpdata auth.user) or "
                + "jdbc:postgresql://HOST:PORT/DB?user=USER");
    }

    private static List<DjangoUser> readTable(String url, Properties properties, String name) throws ImportException {
        try (Connection connection = DriverManager.getConnection(url, properties);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT " + COLUMNS + " FROM auth_user ORDER BY id")) {
            boolean sqlite = url.startsWith("jdbc:sqlite:");
            List<DjangoUser> users = new ArrayList<>();
            while (rows.next()) {
                users.add(new DjangoUser(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getBoolean(7), rows.getBoolean(8), rows.getBoolean(9),
                        time(rows, 10, sqlite), time(rows, 11, sqlite)));
            }
            return users;
        } catch (SQLException e) {
            throw new ImportException("Cannot read auth_user from " + name + ": " + ImportException.firstLine(e.getMessage()), e);
        }
    }

    private static OffsetDateTime time(ResultSet rows, int column, boolean sqlite) throws SQLException {
        if (!sqlite) {
            OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
        }
        String text = rows.getString(column);
        return text == null ? null : time(text);
    }

    /** {@code 2026-12-06 01:02:03.123456}, {@code 2026-12-06T01:02:03.123Z}, with or without an offset. */
    static OffsetDateTime time(String text) {
        String iso = text.strip().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        }
    }

    private static List<DjangoUser> readDump(Path file, String from) throws ImportException {
        Object parsed;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parsed = new JSONParser().parse(reader);
        } catch (IOException e) {
            throw new ImportException("--from " + from + ": cannot read it (" + e.getMessage() + ")", e);
        } catch (ParseException e) {
            throw new ImportException("--from " + from + ": not JSON (" + e + ")", e);
        }
        if (!(parsed instanceof List<?> entries)) {
            throw new ImportException("--from " + from + ": not the list manage.py dumpdata writes");
        }
        List<DjangoUser> users = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> object) || !"auth.user".equals(object.get("model"))) {
                continue; // dumpdata of more than auth.user: the other models are not people
            }
            try {
                Map<?, ?> fields = (Map<?, ?>) object.get("fields");
                Object lastLogin = fields.get("last_login");
                users.add(new DjangoUser(((Number) object.get("pk")).longValue(), (String) fields.get("username"),
                        (String) fields.get("email"), (String) fields.get("first_name"), (String) fields.get("last_name"),
                        (String) fields.get("password"), (Boolean) fields.get("is_active"), (Boolean) fields.get("is_staff"),
                        (Boolean) fields.get("is_superuser"), time((String) fields.get("date_joined")),
                        lastLogin == null ? null : time((String) lastLogin)));
            } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
                throw new ImportException("--from " + from + ": the auth.user entry with pk " + object.get("pk")
                        + " is not as dumpdata writes it", e);
            }
        }
        users.sort((a, b) -> Long.compare(a.id(), b.id()));
        return users;
    }
}
