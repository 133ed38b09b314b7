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
    void oneAddressRegardlessOfCaseImportsNoneOfThem() {
        Plan plan = ImportRules.plan(List.of(
                user(1, UUID.randomUUID().toString(), "Ann@Example.test", JOINED, JOINED.plusDays(9)),
                user(2, UUID.randomUUID().toString(), "ann@example.test", JOINED.plusDays(1), JOINED.plusDays(2)),
                user(3, UUID.randomUUID().toString(), "ANN@example.test ", JOINED.plusDays(3), null),
                user(4, UUID.randomUUID().toString(), " Bo@example.test", JOINED, null)), true);
        assertEquals(List.of(4L), plan.people().stream().map(Person::id).toList(), "never decided by who signed in last");
        assertEquals(List.of(1L, 2L, 3L), plan.skipped().stream().map(Line::id).toList());
        assertEquals("one address with #2 ann@example.test, #3 ANN@example.test regardless of case (Django compared them"
                + " exactly): none of them is imported — which one owns it is not for the import to guess; they register"
                + " anew, or an operator imports one by hand", plan.skipped().get(0).why());
        assertEquals("bo@example.test", plan.people().get(0).emailKey());
        assertEquals("Ann", plan.people().get(0).firstName(), "names stripped");
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
        assertEquals(false, plan.people().get(0).emailVerified(), "unverified unless --verified-addresses");
    }

    @Test
    void unknownWeakAndMalformedPasswordsAreStoredAsOneUnusableMarker() {
        String weakPbkdf2 = "pbkdf2_sha256$1$c2FsdA$" + "A".repeat(43) + "=";
        String oldDjango = "pbkdf2_sha256$10000$c2FsdA$" + "A".repeat(43) + "=";
        String belowIt = "pbkdf2_sha1$9999$c2FsdA$" + "A".repeat(27) + "=";
        String argon2 = "argon2$argon2id$v=19$m=102400,t=2,p=8$TEt3UnhGODNkaFpvOXlETnNmT3dhdg$pZOSXhTrUEGE/mqkowegHA";
        List<String> hashes = List.of("!abc", "", "sha1$salt$abc", "md5$salt$abc", "pbkdf2_sha256$0$salt$x",
                "bcrypt_sha256$$2b$99$x", "argon2$argon2id$v=19$m=1,t=1,p=1$YQ$YQ", HASH, argon2, weakPbkdf2, oldDjango,
                belowIt);
        List<DjangoUser> users = new java.util.ArrayList<>();
        for (int i = 0; i < hashes.size(); i++) {
            users.add(new DjangoUser(i + 1, UUID.randomUUID().toString(), "p" + i + "@example.test", "", "", hashes.get(i),
                    true, false, false, JOINED, null));
        }
        Plan plan = ImportRules.plan(users, true);
        assertEquals(12, plan.people().size(), "all imported");
        String unusable = ImportRules.UNUSABLE;
        assertEquals(List.of("!abc", "", unusable, unusable, unusable, unusable, unusable, HASH, argon2, unusable, oldDjango,
                unusable), plan.people().stream().map(Person::password).toList(),
                "what Latchkey checks at a strength Django shipped is kept; the rest never");
        assertEquals(List.of("no usable password: signs in through a reset link",
                "no usable password: signs in through a reset link",
                "password scheme 'sha1' is not one Latchkey checks: stored as unusable, signs in through a reset link",
                "password scheme 'md5' is not one Latchkey checks: stored as unusable, signs in through a reset link",
                "a malformed pbkdf2_sha256 hash: stored as unusable, signs in through a reset link",
                "a malformed bcrypt_sha256 hash: stored as unusable, signs in through a reset link",
                "a malformed argon2 hash: stored as unusable, signs in through a reset link",
                "pbkdf2_sha256 at 1 iterations, below 10000: stored as unusable, signs in through a reset link",
                "pbkdf2_sha1 at 9999 iterations, below 10000: stored as unusable, signs in through a reset link"),
                plan.noted().stream().map(Line::why).toList());
        assertEquals(org.latchkey.password.StoredHashes.Kind.UNUSABLE, org.latchkey.password.StoredHashes.kind(unusable));
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
