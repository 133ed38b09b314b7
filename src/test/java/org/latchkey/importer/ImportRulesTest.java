package org.latchkey.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.latchkey.importer.ImportRules.Line;
import org.latchkey.importer.ImportRules.Person;
import org.latchkey.importer.ImportRules.Plan;

/** The import's rules for what Latchkey cannot take as it is, one at a time. */
class ImportRulesTest {

    static final OffsetDateTime JOINED = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 6_000, ZoneOffset.UTC);
    static final String HASH = "pbkdf2_sha256$260000$c2FsdA$" + "A".repeat(43) + "=";

    private static DjangoUser user(long id, String username, String email, OffsetDateTime joined, OffsetDateTime lastLogin) {
        return new DjangoUser(id, username, email, " Ann ", "Lee", HASH, true, false, false, joined, lastLogin);
    }

    @Test
    void oneAddressRegardlessOfCaseKeepsWhoSignedInLast() {
        Plan plan = ImportRules.plan(List.of(
                user(1, UUID.randomUUID().toString(), "Ann@Example.test", JOINED, JOINED.plusDays(9)),
                user(2, UUID.randomUUID().toString(), "ann@example.test", JOINED.plusDays(1), JOINED.plusDays(2)),
                user(3, UUID.randomUUID().toString(), "ANN@example.test ", JOINED.plusDays(3), null)), true);
        assertEquals(List.of(1L), plan.people().stream().map(Person::id).toList());
        assertEquals(List.of(2L, 3L), plan.skipped().stream().map(Line::id).toList());
        assertEquals("the same address as #1 Ann@Example.test, who signed in more recently and is imported instead",
                plan.skipped().get(0).why());
        assertEquals("ann@example.test", plan.people().get(0).emailKey());
        assertEquals("Ann", plan.people().get(0).firstName(), "names stripped");
    }

    @Test
    void neverSignedInThenTheLaterJoinedThenTheHigherId() {
        Plan byJoined = ImportRules.plan(List.of(user(5, "a", "b@example.test", JOINED.plusDays(1), null),
                user(4, "c", "B@example.test", JOINED, null)), true);
        assertEquals(5L, byJoined.people().get(0).id());
        assertEquals("the same address as #5 b@example.test, who joined later and is imported instead",
                byJoined.skipped().get(0).why());
        Plan byId = ImportRules.plan(List.of(user(7, "a", "c@example.test", JOINED, null),
                user(8, "b", "C@example.test", JOINED, null)), true);
        assertEquals(8L, byId.people().get(0).id());
    }

    @Test
    void emptyAndInvalidAddressesAreSkippedAndSaidSo() {
        Plan plan = ImportRules.plan(List.of(user(1, "u1", "", JOINED, null), user(2, "u2", null, JOINED, null),
                user(3, "u3", "not an address", JOINED, null), user(4, "u4", "x@localhost", JOINED, null)), true);
        assertEquals(List.of(), plan.people());
        assertEquals(List.of("#1 (no address)", "#2 (no address)", "#3 not an address", "#4 x@localhost"),
                plan.skipped().stream().map(Line::who).toList());
        assertEquals("not an address Latchkey accepts", plan.skipped().get(2).why());
    }

    @Test
    void usernamesThatAreNotUuidsGetOneFromTheIdTheSameEveryRun() {
        String upper = "5C594A93-14FF-4E37-A74B-484150BFD3B3";
        Plan plan = ImportRules.plan(List.of(user(1, "admin", "a@example.test", JOINED, null),
                user(2, upper, "b@example.test", JOINED, null), user(3, null, "c@example.test", JOINED, null)), false);
        assertEquals(ImportRules.uuidFor(1), plan.people().get(0).uuid());
        assertEquals(ImportRules.uuidFor(1), ImportRules.plan(List.of(user(1, "admin", "a@example.test", JOINED, null)),
                false).people().get(0).uuid(), "stable");
        assertEquals(upper.toLowerCase(), plan.people().get(1).uuid());
        assertEquals(List.of(1L, 3L), plan.noted().stream().map(Line::id).toList());
        assertEquals(false, plan.people().get(0).emailVerified(), "--unverified-addresses");
    }

    @Test
    void unusableUnknownAndMalformedPasswordsAreImportedAndNoted() {
        List<String> hashes = List.of("!abc", "", "sha1$salt$abc", "md5$salt$abc", "pbkdf2_sha256$0$salt$x",
                "bcrypt_sha256$$2b$99$x", "argon2$argon2id$v=19$m=1,t=1,p=1$YQ$YQ", HASH,
                "argon2$argon2id$v=19$m=102400,t=2,p=8$TEt3UnhGODNkaFpvOXlETnNmT3dhdg$pZOSXhTrUEGE/mqkowegHA");
        List<DjangoUser> users = new java.util.ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            users.add(new DjangoUser(i + 1, UUID.randomUUID().toString(), "p" + i + "@example.test", "", "", hashes.get(i),
                    true, false, false, JOINED, null));
        }
        Plan plan = ImportRules.plan(users, true);
        assertEquals(9, plan.people().size(), "all imported");
        assertEquals(hashes, plan.people().stream().map(Person::password).toList(), "as they are");
        assertEquals(List.of("no usable password: signs in through a reset link",
                "no usable password: signs in through a reset link",
                "password scheme 'sha1' is not one Latchkey checks: signs in through a reset link",
                "password scheme 'md5' is not one Latchkey checks: signs in through a reset link",
                "a malformed pbkdf2_sha256 hash: signs in through a reset link",
                "a malformed bcrypt_sha256 hash: signs in through a reset link",
                "a malformed argon2 hash: signs in through a reset link"),
                plan.noted().stream().map(Line::why).toList());
    }

    @Test
    void aPasswordInAUrlIsNeverPrinted() {
        assertEquals("jdbc:postgresql://db/auth?user=django&password=…&ssl=true",
                ImportException.shown("jdbc:postgresql://db/auth?user=django&password=s3cr3t&ssl=true"));
        assertEquals("jdbc:h2:file:/x;PASSWORD=…", ImportException.shown("jdbc:h2:file:/x;PASSWORD=abc"));
    }

    @Test
    void timesAsSqliteAndDumpdataWriteThem() {
        assertEquals(JOINED, DjangoSource.time("2024-01-02 03:04:05.000006"));
        assertEquals(JOINED, DjangoSource.time("2024-01-02T03:04:05.000006Z"));
        assertEquals(JOINED, DjangoSource.time("2024-01-02 05:04:05.000006+02:00").withOffsetSameInstant(ZoneOffset.UTC));
        assertEquals(JOINED.minusNanos(6_000), DjangoSource.time("2024-01-02T03:04:05"));
    }
}
