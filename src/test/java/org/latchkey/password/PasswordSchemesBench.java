package org.latchkey.password;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What a sign-in's password check costs for an account imported from Django against a native one: one thread, each
 * scheme checked with the right password for ~4 s after a warm-up, PBKDF2 at the iteration counts of Django 3.2 (Debian
 * 12's), 4.2, 5.1 and 5.2, argon2 and an unusable password, against Latchkey's own bcrypt-sha256 at cost 12 (the floor a native sign-in pays). Prints
 * figures; asserts nothing. Run: {@code bash bench/password-schemes.sh}.
 */
public final class PasswordSchemesBench {

    public static void main(String[] args) throws Exception {
        String password = "correct horse battery staple";
        PasswordHasher hasher = new PasswordHasher(12);
        Map<String, String> hashes = new LinkedHashMap<>();
        hashes.put("Latchkey bcrypt_sha256, cost 12", hasher.hash(password));
        for (int iterations : new int[] {260_000, 600_000, 870_000, 1_000_000}) {
            hashes.put("Django pbkdf2_sha256, " + iterations + " iterations", pbkdf2(password, iterations));
        }
        hashes.put("Django pbkdf2_sha1, 260000 iterations", "pbkdf2_sha1$260000$dQgjPfqlCKG5N8bvAUmpWZ$Que3h47UTmUgSxsnaJKjgZWG1v8=");
        hashes.put("Django bcrypt (plain), cost 12", "bcrypt$" + org.mindrot.jbcrypt.BCrypt.hashpw(password,
                org.mindrot.jbcrypt.BCrypt.gensalt(12)).replace("$2a$", "$2b$"));
        // made by Django's Argon2PasswordHasher (Debian's python3-argon2) at Django 3.2's 100 MiB, 2 passes, 8 lanes
        hashes.put("Django argon2id, m=102400 t=2 p=8",
                "argon2$argon2id$v=19$m=102400,t=2,p=8$TEt3UnhGODNkaFpvOXlETnNmT3dhdg$pZOSXhTrUEGE/mqkowegHA");
        hashes.put("Django unusable password (!...)", "!XoqcqVQKU5pO8eDIXz7u7ePFXi2Sn0Wp0MGwgw9f");
        hashes.put("unknown address (the dummy check)", null);
        double floor = 0;
        System.out.printf("== password checks, one thread, %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        for (Map.Entry<String, String> entry : hashes.entrySet()) {
            for (int i = 0; i < 3; i++) { // warm-up
                check(hasher, password, entry.getValue());
            }
            int n = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 4_000_000_000L) {
                check(hasher, password, entry.getValue());
                n++;
            }
            double ms = (System.nanoTime() - start) / 1e6 / n;
            if (floor == 0) {
                floor = ms;
            }
            System.out.printf("%-45s %7.1f ms a check (%d checks) = %.2f x Latchkey's own%n", entry.getKey(), ms, n,
                    ms / floor);
        }
    }

    private static void check(PasswordHasher hasher, String password, String hash) {
        if (hash == null) {
            hasher.verifyNothing(password);
        } else if (hash.startsWith("!")) {
            if (hasher.verify(password, hash)) {
                throw new IllegalStateException("an unusable password matched");
            }
        } else if (!hasher.verify(password, hash)) {
            throw new IllegalStateException("the right password was refused: " + hash);
        }
    }

    private static String pbkdf2(String password, int iterations) throws Exception {
        String salt = "benchSalt0123456789abc";
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), iterations, 256)).getEncoded();
        return "pbkdf2_sha256$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(key);
    }
}
