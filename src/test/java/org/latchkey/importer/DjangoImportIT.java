package org.latchkey.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.DjangoDownstream;
import org.latchkey.support.PayaraMicroProcess;
import org.latchkey.token.TestKeys;

/**
 * The move from the article's Django auth service: a Django database made by the article's registration and login
 * views (Debian's Django, real PBKDF2 hashes), the import command run as an operator runs it — a dry run, the import,
 * a re-run — then Latchkey on the imported database: everyone signs in with their old password (and then has a
 * Latchkey hash), ids, UUIDs and flags are Django's, a Django-minted refresh cookie silently refreshes, and a
 * downstream Django service sees the same {@code user_id} and {@code user_uuid} before and after. On PostgreSQL too
 * (from and into), when CI gives one.
 */
class DjangoImportIT {

    static final String ACCESS = "org.breakthesystem.jwt.access";
    static final String REFRESH = "org.breakthesystem.jwt.refresh";
    static final String KEY = TestKeys.random() + TestKeys.random();
    /** Django's SHA1PasswordHasher (long gone from its defaults): a scheme Latchkey does not check. */
    static final String SHA1 = "sha1$salt$" + "0123456789abcdef".repeat(2) + "01234567";

    /** Who has a password Latchkey checks: PBKDF2 from the registration view and from make_password, argon2. */
    static final List<String> SIGN_IN = List.of("bob@example.test", "sam@example.test", "admin@example.test",
            "dave@example.test");

    static Path testDir;
    static Path django;
    static Map<String, Object> made;
    /** Each person's row in Django's database, by address. */
    static final Map<String, Map<String, Object>> BY_EMAIL = new HashMap<>();
    static final Map<String, String> PASSWORDS = new HashMap<>();

    @BeforeAll
    static void makeTheDjangoDatabase() throws Exception {
        testDir = Files.createTempDirectory(Files.createDirectories(Path.of(System.getProperty("latchkey.testDir",
                "target/it")).toAbsolutePath()), "django-import");
        django = testDir.resolve("django.sqlite3");
        PASSWORDS.putAll(Map.of("Ann@example.test", "ann-early-" + TestKeys.random().substring(0, 8),
                "ann@example.test", "ann-later-" + TestKeys.random().substring(0, 8),
                "bob@example.test", "bob-" + TestKeys.random().substring(0, 12),
                "sam@example.test", "säm-ünïcode-" + TestKeys.random().substring(0, 8),
                "dave@example.test", "dave-argon-" + TestKeys.random().substring(0, 8),
                "admin@example.test", "admin-" + TestKeys.random().substring(0, 12),
                "ivy@example.test", "ivy-" + TestKeys.random().substring(0, 12)));
        made = DjangoAuthService.run(django, Map.of("key", KEY,
                "register", List.of(registration("Ann", "Early", "Ann@example.test"),
                        registration("Ann", "Later", "ann@example.test"), registration("Bob", "Builder", "bob@example.test")),
                "orm", List.of(
                        Map.of("username", UUID.randomUUID().toString(), "email", "sam@example.test", "first_name", "Sam",
                                "last_name", "Staff", "password", PASSWORDS.get("sam@example.test"), "is_staff", true),
                        Map.of("username", "admin", "email", "admin@example.test", "password",
                                PASSWORDS.get("admin@example.test"), "is_staff", true, "is_superuser", true),
                        Map.of("username", UUID.randomUUID().toString(), "email", "", "password", "no-address-pw"),
                        Map.of("username", UUID.randomUUID().toString(), "email", "carol@example.test", "unusable", true),
                        Map.of("username", UUID.randomUUID().toString(), "email", "dave@example.test", "first_name",
                                "Dave", "password", PASSWORDS.get("dave@example.test"), "hasher", "argon2"),
                        Map.of("username", UUID.randomUUID().toString(), "email", "ivy@example.test", "password",
                                PASSWORDS.get("ivy@example.test"), "is_active", false),
                        Map.of("username", UUID.randomUUID().toString(), "email", "frank@example.test", "hash", SHA1)),
                "login", List.of(Map.of("email", "ann@example.test", "password", PASSWORDS.get("ann@example.test")),
                        Map.of("email", "bob@example.test", "password", PASSWORDS.get("bob@example.test"))),
                "dump", testDir.resolve("users.json").toString()));
        for (Map<String, Object> user : DjangoAuthService.users(made)) {
            BY_EMAIL.put((String) user.get("email"), user);
        }
        assertEquals(10, BY_EMAIL.size());
        assertEquals("pbkdf2_sha256", BY_EMAIL.get("bob@example.test").get("scheme"), "Django's default hasher");
        assertEquals("argon2", BY_EMAIL.get("dave@example.test").get("scheme"), made.toString());
    }

    private static Map<String, Object> registration(String first, String last, String email) {
        return Map.of("first_name", first, "last_name", last, "email", email, "password", PASSWORDS.get(email));
    }

    @Test
    void everyoneMovesToLatchkeyAndStaysSignedIn() throws Exception {
        Path data = testDir.resolve("latchkey");
        Map<String, String> env = Map.of("LATCHKEY_DATA_DIR", data.toString());

        // the dry run, from what manage.py dumpdata auth.user wrote: the report, and nothing written, not even the file
        ImportJar.Result dry = ImportJar.run(env, "--from", "json:" + testDir.resolve("users.json"), "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        String report = dry.out();
        System.out.println(report); // the README shows it
        assertTrue(report.startsWith("Read 10 Django users from json:"), report);
        String twins = " regardless of case (Django compared them exactly): none of them is imported — which one owns it is"
                + " not for the import to guess; they register anew, or an operator imports one by hand\n  ";
        assertTrue(report.contains("Skipped (3):\n  " + line("Ann@example.test") + " — one address with "
                + line("ann@example.test") + twins + line("ann@example.test") + " — one address with "
                + line("Ann@example.test") + twins + "#" + id("")
                + " (no address) — no email address (Latchkey signs people in by address)\n"), report);
        assertTrue(report.contains("Noted (3):\n  " + line("admin@example.test") + " — username 'admin' is not a UUID:"
                + " user_uuid is " + nameBased(id("admin@example.test")) + "\n  " + line("carol@example.test")
                + " — no usable password: signs in through a reset link\n  " + line("frank@example.test")
                + " — password scheme 'sha1' is not one Latchkey checks: stored as unusable, signs in through a reset link\n"),
                report);
        assertTrue(report.contains("Would add 7, update 0; 0 unchanged, 0 kept as changed at Latchkey, 3 skipped.\n"
                + "Passwords: argon2 1, pbkdf2_sha256 4, reset link 2\n"
                + "The next account registered at Latchkey gets id 11.\n"), report);
        assertFalse(Files.exists(data), "a dry run writes nothing");

        // the import, from the SQLite file itself, then again: nothing changes the second time
        ImportJar.Result imported = ImportJar.run(env, "--from", "sqlite:" + django);
        assertEquals(0, imported.exit(), imported.out() + imported.err());
        assertTrue(imported.out().contains("Latchkey's schema: version "), imported.out());
        assertTrue(imported.out().contains("Added 7, updated 0; 0 unchanged, 0 kept as changed at Latchkey, 3 skipped."),
                imported.out());
        assertTrue(imported.err().contains("[##############################] 7/7 people 100%"), imported.err());
        ImportJar.Result again = ImportJar.run(env, "--from", "sqlite:" + django);
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("Added 0, updated 0; 7 unchanged, 0 kept as changed at Latchkey, 3 skipped."),
                again.out());
        assertEquals(7, rows(data).size(), "no one twice");

        Map<String, String> before;
        try (DjangoDownstream downstream = DjangoDownstream.start(testDir.resolve("downstream.log"), KEY, ACCESS)) {
            // what the downstream service knew of Bob from the Django service's cookie
            Map<String, String> bob = DjangoAuthService.cookies(made, "bob@example.test");
            before = identity(downstream, bob.get("access"));
            assertEquals(String.valueOf(id("bob@example.test")), before.get("user_id"));
            assertEquals(BY_EMAIL.get("bob@example.test").get("username"), before.get("user_uuid"));

            try (PayaraMicroProcess latchkey = PayaraMicroProcess.start("django-import", data,
                    Path.of("payara-config/post-boot-commands.asadmin"), Map.of("JWT_SIGNING_KEY", KEY,
                            "latchkey.cookie.secure", "false", "latchkey.cookie.access-name", ACCESS,
                            "latchkey.cookie.refresh-name", REFRESH, "latchkey.password.bcrypt-cost", "8",
                            "latchkey.registration.email-verification", "off",
                            "latchkey.session.django-cutover", Instant.now().plusSeconds(3600).toString(),
                            "latchkey.session.django-refresh-lifetime", "P14D"))) { // django_auth.py's REFRESH_TOKEN_LIFETIME
                // the import refuses to touch the H2 file while Latchkey has it open, in one line
                ImportJar.Result busy = ImportJar.run(env, "--from", "sqlite:" + django);
                assertEquals(2, busy.exit(), busy.out());
                assertTrue(busy.err().startsWith("latchkey-import: The H2 database jdbc:h2:file:" + data.resolve("latchkey")
                        + ";WRITE_DELAY=0 is in use: stop Latchkey first"), busy.err());
                assertEquals(1, busy.err().lines().count(), busy.err());

                // everyone with a usable password signs in with their old one, as the person Django knew
                for (String email : SIGN_IN) {
                    Map<String, Object> me = me(latchkey, email, PASSWORDS.get(email));
                    Map<String, Object> row = BY_EMAIL.get(email);
                    assertEquals(String.valueOf(row.get("id")), String.valueOf(me.get("user_id")), email);
                    assertEquals(email.equals("admin@example.test") ? nameBased(id(email)) : row.get("username"),
                            me.get("user_uuid"), email);
                    assertEquals(row.get("is_staff"), me.get("is_staff"), email);
                    assertEquals(row.get("is_superuser"), me.get("is_superuser"), email);
                    assertEquals(row.get("first_name"), me.get("first_name"), email);
                }
                // and nobody else: the twins (neither imported), the inactive, the unusable and the unknown scheme, a
                // wrong password for the argon2 one
                assertEquals(401, signIn(latchkey, "Ann@example.test", PASSWORDS.get("Ann@example.test")).status());
                assertEquals(401, signIn(latchkey, "ann@example.test", PASSWORDS.get("ann@example.test")).status(),
                        "not even the one who signed in last at Django");
                assertEquals(401, signIn(latchkey, "ivy@example.test", PASSWORDS.get("ivy@example.test")).status());
                assertEquals(401, signIn(latchkey, "carol@example.test", "anything-at-all-1").status());
                assertEquals(401, signIn(latchkey, "frank@example.test", "anything-at-all-1").status());
                assertEquals(401, signIn(latchkey, "dave@example.test", PASSWORDS.get("ann@example.test")).status());

                // Bob, signed in at the Django service before the switch: its access cookie is good at Latchkey...
                Browser browser = new Browser(latchkey.base());
                browser.setCookie(ACCESS, bob.get("access"));
                assertTrue(browser.get("api/me").body().contains("\"email\":\"bob@example.test\""));
                // ...and its refresh cookie silently refreshes into a Latchkey sign-in
                browser.dropCookie(ACCESS);
                browser.setCookie(REFRESH, bob.get("refresh"));
                Page refreshed = browser.get("login?next=/account");
                assertEquals(302, refreshed.status(), refreshed.body());
                String latchkeyAccess = browser.cookie(ACCESS).orElseThrow();
                assertNotEquals(bob.get("refresh"), browser.cookie(REFRESH).orElseThrow());
                assertEquals(before, identity(downstream, latchkeyAccess), "the downstream service sees the same person");

                // a new person gets the id after the highest imported one
                String newcomer = Accounts.newEmail();
                assertEquals(302, Accounts.register(new Browser(latchkey.base()), newcomer, null).status());
                assertEquals("11", String.valueOf(me(latchkey, newcomer, Accounts.PASSWORD).get("user_id")));
            }
        }

        // the old hashes were replaced at the first sign-in; the import run again leaves Latchkey's changes alone
        Map<String, Map<String, Object>> rows = rows(data);
        for (String email : SIGN_IN) {
            assertTrue(((String) rows.get(email).get("password")).startsWith("bcrypt_sha256$$2a$08$"), email);
        }
        assertTrue(((String) rows.get("ivy@example.test").get("password")).startsWith("pbkdf2_sha256$"));
        assertTrue(((String) rows.get("carol@example.test").get("password")).startsWith("!"));
        assertEquals(ImportRules.UNUSABLE, rows.get("frank@example.test").get("password"), "a sha1 hash is never kept");
        for (Map.Entry<String, Map<String, Object>> row : rows.entrySet()) {
            Map<String, Object> original = BY_EMAIL.get(row.getKey());
            if (original == null) {
                continue; // the newcomer
            }
            assertEquals(original.get("id"), row.getValue().get("id"), row.getKey());
            assertEquals(row.getKey().equals("admin@example.test") ? nameBased(id(row.getKey())) : original.get("username"),
                    row.getValue().get("uuid"), row.getKey());
            for (String flag : List.of("is_active", "is_staff", "is_superuser")) {
                assertEquals(original.get(flag), row.getValue().get(flag), row.getKey() + " " + flag);
            }
            assertEquals(Boolean.FALSE, row.getValue().get("email_verified"),
                    "imported addresses count as unverified unless --verified-addresses");
        }
        ImportJar.Result after = ImportJar.run(env, "--from", "sqlite:" + django);
        assertEquals(0, after.exit(), after.err());
        assertTrue(after.out().contains("Kept (4):\n"), after.out());
        assertTrue(after.out().contains("  " + line("bob@example.test")
                + " — changed at Latchkey since the last import: kept as it is\n"), after.out());
        assertTrue(after.out().contains("Added 0, updated 0; 3 unchanged, 4 kept as changed at Latchkey, 3 skipped.\n"
                + "Passwords: argon2 1, pbkdf2_sha256 4, reset link 2\n"
                + "The next account registered at Latchkey gets id 12.\n"), after.out());
        assertEquals(rows, rows(data), "nothing of Latchkey's undone");
    }

    @Test
    void fromAndIntoPostgresql() throws Exception {
        assumeTrue(System.getenv("LATCHKEY_DB_HOST") != null, "LATCHKEY_DB_HOST not set: PostgreSQL is checked in CI");
        String server = "jdbc:postgresql://" + System.getenv("LATCHKEY_DB_HOST") + ":" + System.getenv("LATCHKEY_DB_PORT")
                + "/" + System.getenv("LATCHKEY_DB_NAME");
        String user = System.getenv("LATCHKEY_DB_USER");
        String password = System.getenv("LATCHKEY_DB_PASSWORD");
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String from = "django_" + suffix;
        String into = "latchkey_" + suffix;
        try (Connection pg = DriverManager.getConnection(server, user, password); Statement statement = pg.createStatement()) {
            try {
                statement.execute("CREATE SCHEMA " + from);
                statement.execute("CREATE SCHEMA " + into);
                copyAuthUser(pg, from);
                Map<String, String> env = Map.of("LATCHKEY_IMPORT_FROM_PASSWORD", password, "LATCHKEY_DB_USER", user,
                        "LATCHKEY_DB_PASSWORD", password);
                String[] args = {"--from", server + "?currentSchema=" + from + "&user=" + user, "--to",
                        server + "?currentSchema=" + into, "--verified-addresses"};
                ImportJar.Result imported = ImportJar.run(env, args);
                assertEquals(0, imported.exit(), imported.out() + imported.err());
                assertTrue(imported.out().contains("Added 7, updated 0; 0 unchanged, 0 kept as changed at Latchkey,"
                        + " 3 skipped.\nPasswords: argon2 1, pbkdf2_sha256 4, reset link 2\n"
                        + "The next account registered at Latchkey gets id 11.\n"), imported.out());
                ImportJar.Result again = ImportJar.run(env, args);
                assertTrue(again.out().contains("Added 0, updated 0; 7 unchanged"), again.out());
                try (ResultSet rows = statement.executeQuery("SELECT id, uuid, is_staff, is_superuser, is_active, password,"
                        + " email_verified FROM " + into + ".latchkey_user")) {
                    int count = 0;
                    while (rows.next()) {
                        count++;
                        Map<String, Object> original = BY_EMAIL.values().stream()
                                .filter(u -> ((Number) u.get("id")).longValue() == rowsId(rows)).findFirst().orElseThrow();
                        assertEquals(original.get("is_staff"), rows.getBoolean(3));
                        assertEquals(original.get("is_superuser"), rows.getBoolean(4));
                        assertEquals(original.get("is_active"), rows.getBoolean(5));
                        String scheme = (String) original.get("scheme");
                        assertEquals("sha1".equals(scheme) ? "!" : scheme(scheme), scheme(rows.getString(6).split("\\$")[0]));
                        assertTrue(rows.getBoolean(7), "--verified-addresses");
                    }
                    assertEquals(7, count);
                }
                try (ResultSet next = statement.executeQuery("SELECT nextval('" + into + ".latchkey_user_seq')")) {
                    next.next();
                    assertEquals(11, next.getLong(1), "the sequence moved past the highest imported id");
                }
            } finally {
                statement.execute("DROP SCHEMA IF EXISTS " + from + " CASCADE");
                statement.execute("DROP SCHEMA IF EXISTS " + into + " CASCADE");
            }
        }
    }

    /** A hash's scheme, or "!" for Django's unusable passwords (which have no scheme). */
    private static String scheme(String prefix) {
        return prefix.startsWith("!") ? "!" : prefix;
    }

    private static long rowsId(ResultSet rows) {
        try {
            return rows.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Django's auth_user, as its PostgreSQL backend makes it, filled from the SQLite file. */
    private static void copyAuthUser(Connection pg, String schema) throws Exception {
        try (Statement statement = pg.createStatement()) {
            statement.execute("CREATE TABLE " + schema + ".auth_user (id serial PRIMARY KEY, password varchar(128) NOT NULL,"
                    + " last_login timestamptz NULL, is_superuser boolean NOT NULL, username varchar(150) NOT NULL UNIQUE,"
                    + " first_name varchar(150) NOT NULL, last_name varchar(150) NOT NULL, email varchar(254) NOT NULL,"
                    + " is_staff boolean NOT NULL, is_active boolean NOT NULL, date_joined timestamptz NOT NULL)");
        }
        String columns = "id, password, last_login, is_superuser, username, first_name, last_name, email, is_staff,"
                + " is_active, date_joined";
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + django);
             Statement read = sqlite.createStatement();
             ResultSet rows = read.executeQuery("SELECT " + columns + " FROM auth_user");
             PreparedStatement insert = pg.prepareStatement("INSERT INTO " + schema + ".auth_user (" + columns
                     + ") VALUES (?, ?, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz)")) {
            while (rows.next()) {
                insert.setLong(1, rows.getLong(1));
                insert.setString(2, rows.getString(2));
                insert.setString(3, rows.getString(3) == null ? null : rows.getString(3) + "+00");
                insert.setBoolean(4, rows.getBoolean(4));
                for (int i = 5; i <= 8; i++) {
                    insert.setString(i, rows.getString(i));
                }
                insert.setBoolean(9, rows.getBoolean(9));
                insert.setBoolean(10, rows.getBoolean(10));
                insert.setString(11, rows.getString(11) + "+00");
                insert.executeUpdate();
            }
        }
    }

    private static Page signIn(PayaraMicroProcess latchkey, String email, String password) throws Exception {
        return new Browser(latchkey.base()).postJson("api/token", JsonUtil.toJson(Map.of("email", email, "password", password)));
    }

    private static Map<String, Object> me(PayaraMicroProcess latchkey, String email, String password) throws Exception {
        Page pair = signIn(latchkey, email, password);
        assertEquals(200, pair.status(), email + ": " + pair.body());
        String access = (String) JsonUtil.parseJson(pair.body()).get("access");
        Page me = new Browser(latchkey.base()).header("Authorization", "Bearer " + access).get("api/me");
        assertEquals(200, me.status(), me.body());
        return JsonUtil.parseJson(me.body());
    }

    /** user_id and user_uuid as the downstream Django service reads them from an access cookie. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> identity(DjangoDownstream downstream, String access) throws Exception {
        var answer = downstream.whoami(ACCESS, access);
        assertEquals(200, answer.statusCode(), answer.body());
        Map<String, Object> claims = (Map<String, Object>) JsonUtil.parseJson(answer.body()).get("claims");
        return Map.of("user_id", String.valueOf(claims.get("user_id")), "user_uuid", (String) claims.get("user_uuid"));
    }

    /** Latchkey's people, read from the H2 file once the server has stopped, by address. */
    private static Map<String, Map<String, Object>> rows(Path data) throws Exception {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("latchkey"), "latchkey", "latchkey");
             Statement statement = h2.createStatement();
             ResultSet result = statement.executeQuery("SELECT id, uuid, email, password, is_active, is_staff,"
                     + " is_superuser, email_verified, first_name, last_name, last_login FROM latchkey_user")) {
            while (result.next()) {
                Map<String, Object> row = new HashMap<>();
                row.put("id", result.getLong(1));
                row.put("uuid", result.getString(2));
                row.put("password", result.getString(4));
                row.put("is_active", result.getBoolean(5));
                row.put("is_staff", result.getBoolean(6));
                row.put("is_superuser", result.getBoolean(7));
                row.put("email_verified", result.getBoolean(8));
                row.put("names", result.getString(9) + " " + result.getString(10));
                row.put("last_login", Optional.ofNullable(result.getString(11)).orElse(""));
                rows.put(result.getString(3), row);
            }
        }
        return rows;
    }

    private static long id(String email) {
        return ((Number) BY_EMAIL.get(email).get("id")).longValue();
    }

    private static String line(String email) {
        return "#" + id(email) + " " + email;
    }

    /** The documented rule for a username that is not a UUID: name-based on the Django id. */
    private static String nameBased(long id) {
        return UUID.nameUUIDFromBytes(("latchkey-import:auth_user:" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
