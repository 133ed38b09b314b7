package org.latchkey.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hashes a Django auth service stored sign in at Latchkey, and are replaced at the first sign-in. The fixed ones were
 * made by Debian's Django 3.2 ({@code make_password}, 260 000 PBKDF2 iterations, Python bcrypt's 2b); one more of each
 * is made by Django during the test when Debian's {@code python3-django} is there (CI installs it).
 */
class DjangoHashesTest {

    private static final String PLAIN = "correct horse battery staple";
    private static final String UNICODE = "pässwörd-☃-42";
    private static final Map<String, String> MADE_BY_DJANGO = Map.ofEntries(
            Map.entry("pbkdf2_sha256$260000$jBE1Hin6TC9R2dtlLmp1rL$cGdN3p+Cp4WWtpTiZSrz8VM54C5XB9MX9Rg6U4hG/2I=", PLAIN),
            Map.entry("pbkdf2_sha256$260000$t8hyoXf9cGwXRNAOShbtuy$vzAw/PgjS0XavuUTJnZ6RSxm+E7bNc5h7Kc9kfoarqg=", UNICODE),
            Map.entry("pbkdf2_sha1$260000$dQgjPfqlCKG5N8bvAUmpWZ$Que3h47UTmUgSxsnaJKjgZWG1v8=", PLAIN),
            Map.entry("pbkdf2_sha1$260000$3m26vinI6WuJDTjVKDkgEI$rL7nVRZm7RMSr44TcIkC4W5tngk=", UNICODE),
            Map.entry("bcrypt$$2b$12$4iwe.hHkoFIlkybQl8HdveI7nh2Fjk/6ZgyGVdCbMAerrWFdNCGum", PLAIN),
            Map.entry("bcrypt$$2b$12$34.w8/rCyfcFtjcfUQcEv..A10Axee51EQ8JPkM2xTQQdcKj9JMqC", UNICODE),
            Map.entry("bcrypt_sha256$$2b$12$0.zJ8IFD0lJBQqPm0cNBAe9Z1vOuurMXtuV/91JbUNDi66d7a5IRm", PLAIN),
            Map.entry("bcrypt_sha256$$2b$12$seFkh.bl0mxX9BO68DCSU.Q1Cod/kGAFdAt1QYlENDlsVMkbV45Sm", UNICODE),
            // Argon2PasswordHasher (Debian's python3-argon2): argon2id at Django 3.2's 100 MiB, 2 passes, 8 lanes
            Map.entry("argon2$argon2id$v=19$m=102400,t=2,p=8$TEt3UnhGODNkaFpvOXlETnNmT3dhdg$pZOSXhTrUEGE/mqkowegHA", PLAIN),
            Map.entry("argon2$argon2id$v=19$m=102400,t=2,p=8$ZjJwTW41YlBvSTlKNkJJcUw0c2pvNw$YT+ip2kBnCA3mWIOhObhwA", UNICODE),
            Map.entry("argon2$argon2id$v=19$m=102400,t=2,p=8$SGtQZGFuQXp5a0FUZThWdGRkczFQcA$YF7RUkhHYJrN2dGN5I+rPQ", PLAIN),
            // and argon2i at the 512 KiB of Django before 3.2 (argon2-cffi's encoding, as Django stores it)
            Map.entry("argon2$argon2i$v=19$m=512,t=2,p=2$C28+JXbGycbZhlzdhFDOHA$HYw+I8CV24vZYOpbM00t5A", PLAIN));

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void eachSchemeDjangoMadeSignsInWithItsPasswordOnlyAndAsksToBeReplaced() {
        MADE_BY_DJANGO.forEach((hash, password) -> {
            assertTrue(hasher.verify(password, hash), hash);
            assertFalse(hasher.verify(password + "x", hash), "a wrong password: " + hash);
            assertFalse(hasher.verify(password.equals(PLAIN) ? UNICODE : PLAIN, hash), "the other password: " + hash);
            assertFalse(hasher.verify("", hash), "empty: " + hash);
            assertEquals(!hash.startsWith("bcrypt_sha256$"), hasher.needsRehash(hash),
                    "any other scheme is replaced by Latchkey's own at the first sign-in: " + hash);
        });
        String own = hasher.hash(PLAIN);
        assertTrue(hasher.verify(PLAIN, own));
        assertFalse(new PasswordHasher(4).needsRehash(own), "Latchkey's own stays");
    }

    @Test
    @Timeout(120) // a hang guard: 2^31 PBKDF2 rounds would run for hours
    void unusableUnknownAndMalformedHashesMatchNothingAndNeverThrow() {
        List<String> refused = List.of("!", "!XoqcqVQKU5pO8eDIXz7u7ePFXi2Sn0Wp0MGwgw9f", // Django's unusable passwords
                "sha1$salt$0123456789abcdef0123456789abcdef01234567",
                "md5$salt$0123456789abcdef0123456789abcdef", "unsalted_md5$$a", "crypt$$ab1234",
                "pbkdf2_sha256$", "pbkdf2_sha256$260000$salt", "pbkdf2_sha256$x$salt$cGdN3p+Cp4WWtpTiZSrz8VM54C5XB9MX9Rg6U4hG/2I=",
                "pbkdf2_sha256$0$salt$cGdN3p+Cp4WWtpTiZSrz8VM54C5XB9MX9Rg6U4hG/2I=",
                "pbkdf2_sha256$-1$salt$cGdN3p+Cp4WWtpTiZSrz8VM54C5XB9MX9Rg6U4hG/2I=",
                "pbkdf2_sha256$2147483647$salt$cGdN3p+Cp4WWtpTiZSrz8VM54C5XB9MX9Rg6U4hG/2I=", // would take hours: refused
                "pbkdf2_sha256$260000$salt$not base64!", "pbkdf2_sha256$260000$salt$c2hvcnQ=", // 5 bytes, not 32
                "pbkdf2_sha256$260000$$cGdN3p+Cp4WWtpTiZSrz8VM54C5XB9MX9Rg6U4hG/2I=",
                "pbkdf2_sha256$260000$a$b$c", "bcrypt$", "bcrypt$$2b$12$short", "bcrypt$$9x$12$4iwe.hHkoFIlkybQl8HdveI7nh2Fj",
                "", "$", "bcrypt_sha256$$2b$99$x",
                // argon2 asking too much (memory, passes, lanes), malformed, or of an unknown variant or version
                "argon2$argon2id$v=19$m=1048576,t=2,p=8$TEt3UnhGODNkaFpvOXlETnNmT3dhdg$pZOSXhTrUEGE/mqkowegHA",
                "argon2$argon2id$v=19$m=102400,t=2000,p=8$TEt3UnhGODNkaFpvOXlETnNmT3dhdg$pZOSXhTrUEGE/mqkowegHA",
                "argon2$argon2id$v=19$m=102400,t=2,p=255$TEt3UnhGODNkaFpvOXlETnNmT3dhdg$pZOSXhTrUEGE/mqkowegHA",
                "argon2$argon2x$v=19$m=512,t=2,p=2$C28+JXbGycbZhlzdhFDOHA$HYw+I8CV24vZYOpbM00t5A",
                "argon2$argon2i$v=20$m=512,t=2,p=2$C28+JXbGycbZhlzdhFDOHA$HYw+I8CV24vZYOpbM00t5A",
                "argon2$argon2i$v=19$t=2,m=512,p=2$C28+JXbGycbZhlzdhFDOHA$HYw+I8CV24vZYOpbM00t5A",
                "argon2$argon2i$v=19$m=512,t=2,p=2$not base64!$HYw+I8CV24vZYOpbM00t5A",
                "argon2$argon2i$v=19$m=512,t=2,p=2$c2FsdA$HYw+I8CV24vZYOpbM00t5A", // a 4-byte salt
                "argon2$argon2i$v=19$m=x,t=2,p=2$C28+JXbGycbZhlzdhFDOHA$HYw+I8CV24vZYOpbM00t5A",
                "argon2$argon2i$m=512,t=2,p=2$C28+JXbGycbZhlzdhFDOHA$HYw+I8CV24vZYOpbM00t5A", // version 16: another hash
                "argon2$", "argon2$argon2id$v=19$m=512,t=2,p=2$C28+JXbGycbZhlzdhFDOHA");
        for (String hash : refused) {
            assertFalse(hasher.verify(PLAIN, hash), hash);
        }
    }

    /**
     * The padding is by the clock: a PBKDF2 hash at a few rounds, an empty password and a malformed hash each take at
     * least what Latchkey's own check takes (a lower bound the loop guarantees, whatever a round costs).
     */
    @Test
    void importedAndUncheckableHashesTakeAtLeastANativeCheck() {
        PasswordHasher hasher = new PasswordHasher(8);
        String own = hasher.hash(PLAIN);
        long fastestNative = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            assertTrue(hasher.verify(PLAIN, own));
            fastestNative = Math.min(fastestNative, System.nanoTime() - start);
        }
        String cheap = "pbkdf2_sha256$1000$salt$" + java.util.Base64.getEncoder().encodeToString(pbkdf2(PLAIN, "salt", 1000));
        for (String[] check : new String[][] {{PLAIN, cheap}, {"", cheap}, {PLAIN, "pbkdf2_sha256$260000$salt$not base64!"},
                {PLAIN, "bcrypt_sha256$$2b$99$x"}, {PLAIN, "!unusable"}, {PLAIN, "sha1$salt$abc"}}) {
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                assertEquals(check[0].equals(PLAIN) && check[1].equals(cheap), hasher.verify(check[0], check[1]), check[1]);
                fastest = Math.min(fastest, System.nanoTime() - start);
            }
            assertTrue(fastest >= fastestNative / 2, check[1] + ": " + fastest / 1000 + " µs against a native check's "
                    + fastestNative / 1000 + " µs");
        }
    }

    private static byte[] pbkdf2(String password, String salt, int iterations) {
        try {
            return javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(
                    new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                            iterations, 256)).getEncoded();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An argon2 check waiting for memory holds no bcrypt turn: with every KiB of the budget taken, it waits outside the
     * bulkhead (one turn here), and a check of Latchkey's own hash gets that turn meanwhile.
     */
    @Test
    void anArgon2CheckWaitsForItsMemoryBeforeItsTurn() throws Exception {
        PasswordWork work = new PasswordWork(new PasswordWork.Limits(1, 10, java.time.Duration.ofSeconds(30)));
        PasswordHasher hasher = new PasswordHasher(4, work);
        String own = hasher.hash(PLAIN);
        String argon2 = "argon2$argon2id$v=19$m=102400,t=2,p=8$TEt3UnhGODNkaFpvOXlETnNmT3dhdg$pZOSXhTrUEGE/mqkowegHA";
        int all = Argon2Hashes.MEMORY.drainPermits();
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<Boolean> waiting = thread.submit(() -> hasher.verify(PLAIN, argon2));
            Thread.sleep(300);
            assertFalse(waiting.isDone(), "it waits for memory");
            assertEquals(0, work.inFlight(), "outside the bulkhead: no turn held, none waited for");
            assertTrue(hasher.verify(PLAIN, own), "a bcrypt check gets the one turn meanwhile");
            Argon2Hashes.MEMORY.release(all);
            assertTrue(waiting.get(30, java.util.concurrent.TimeUnit.SECONDS), "then the argon2 check runs");
        } finally {
            Argon2Hashes.MEMORY.release(Math.max(0, all - Argon2Hashes.MEMORY.availablePermits()));
            thread.shutdownNow();
        }
    }

    @Test
    void hashesDjangoMakesNowSignInToo() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        String password = "Zürich-" + Long.toHexString(System.nanoTime());
        Process process = new ProcessBuilder(python.toString(), "-c", String.join("\n",
                "import sys",
                "from django.conf import settings",
                "settings.configure(PASSWORD_HASHERS=['django.contrib.auth.hashers.PBKDF2PasswordHasher',"
                        + " 'django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher',"
                        + " 'django.contrib.auth.hashers.Argon2PasswordHasher'])",
                "from django.contrib.auth.hashers import make_password",
                "p = sys.stdin.readline().rstrip('\\n')",
                "print(make_password(p)); print(make_password(p, hasher='pbkdf2_sha1'))",
                "import argon2", "print(make_password(p, hasher='argon2'))"))
                .redirectErrorStream(true).start();
        process.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        Assumptions.assumeFalse(out.contains("No module named 'django'"), "Debian's python3-django is not installed");
        List<String> hashes = out.lines().toList();
        assertEquals(3, hashes.size(), out + " (argon2 needs Debian's python3-argon2; .ci/run installs it)");
        assertTrue(hashes.get(2).startsWith("argon2$argon2id$"), out);
        assertTrue(hashes.get(0).startsWith("pbkdf2_sha256$"), out);
        for (String hash : hashes) {
            assertTrue(hasher.verify(password, hash), hash);
            assertFalse(hasher.verify(password.toUpperCase(java.util.Locale.ROOT), hash), hash);
        }
    }
}
