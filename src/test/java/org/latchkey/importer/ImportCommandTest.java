package org.latchkey.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the command says when it cannot start: one line (or the usage) and exit 2, never a stack trace. */
class ImportCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return ImportCommand.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpAndUsage() {
        assertEquals(0, run(Map.of(), "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(ImportCommand.USAGE), out.toString());
        assertEquals(2, run(Map.of(), "--form", "sqlite:x"));
        assertEquals("Unknown argument --form\n" + ImportCommand.USAGE + "\n", err());
    }

    @Test
    void eachBadStartIsOneLine() throws Exception {
        Map<String, String> h2 = Map.of("LATCHKEY_DATA_DIR", dir.toString());
        assertEquals(2, run(h2));
        assertTrue(err().startsWith("Say where the Django users come from (--from)."), err());
        err.reset();
        assertEquals(2, run(h2, "--from", "sqlite:" + dir.resolve("none.sqlite3")));
        assertEquals("latchkey-import: --from sqlite:" + dir.resolve("none.sqlite3") + ": no such file\n", err());
        err.reset();
        assertEquals(2, run(h2, "--from", "mysql://db/auth"));
        assertTrue(err().startsWith("latchkey-import: --from mysql://db/auth: say sqlite:PATH, json:PATH"), err());
        err.reset();
        Path notJson = Files.writeString(dir.resolve("users.json"), "{\"model\": ");
        assertEquals(2, run(h2, "--from", "json:" + notJson, "--dry-run"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("latchkey-import: --from json:" + notJson + ": not JSON"), err());
        err.reset();
        Path notSqlite = Files.writeString(dir.resolve("db.sqlite3"), "not a database");
        assertEquals(2, run(h2, "--from", "sqlite:" + notSqlite, "--dry-run"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("latchkey-import: Cannot read auth_user from sqlite:"), err());
        err.reset();
        assertEquals(2, run(Map.of("LATCHKEY_DB_HOST", "db.internal"), "--from", "json:" + notJson));
        assertEquals("latchkey-import: LATCHKEY_DB_HOST is set but LATCHKEY_DB_NAME is not: set it as for the server"
                + " (README, \"The database\")\n", err());
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing half-done on the way");
    }
}
