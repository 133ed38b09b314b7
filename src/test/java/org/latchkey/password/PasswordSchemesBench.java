package org.latchkey.password;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
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
        hashes.put("Django sha1 (not checked)", "sha1$salt$0123456789abcdef0123456789abcdef01234567");
        hashes.put("malformed bcrypt_sha256", "bcrypt_sha256$$2b$99$x");
        hashes.put("pbkdf2_sha256 at 1,000 iterations", pbkdf2(password, 1_000));
        long seconds = Long.getLong("bench.seconds", 3);
        System.out.printf("== password checks, %d cores, %s; about %d s a case, interleaved, against the unknown address%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.version"), seconds);
        for (boolean flood : new boolean[] {false, true}) {
            java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(flood);
            List<Thread> flooders = new java.util.ArrayList<>();
            if (flood) { // sign-ins of Latchkey's own accounts on every core, through the same bulkhead
                String own = hashes.get("Latchkey bcrypt_sha256, cost 12");
                for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
                    Thread t = new Thread(() -> {
                        while (running.get()) {
                            hasher.verify("a wrong password", own);
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                    flooders.add(t);
                }
                Thread.sleep(2_000);
            }
            System.out.println(flood ? "-- while a login flood runs (" + flooders.size() + " threads checking Latchkey's own)"
                    : "-- idle, one thread");
            // interleaved: one check of every case in turn, round after round, so that a machine speeding up or
            // slowing down (a flood's threads, a neighbour) weighs on every case alike
            List<Map.Entry<String, String>> cases = new java.util.ArrayList<>();
            cases.add(Map.entry("unknown address (the dummy check)", ""));
            cases.addAll(hashes.entrySet());
            for (Map.Entry<String, String> c : cases) { // warm-up
                check(hasher, password, c.getValue().isEmpty() ? null : c.getValue());
            }
            long[] nanos = new long[cases.size()];
            int rounds = 0;
            long until = System.nanoTime() + seconds * cases.size() * 1_000_000_000L;
            while (System.nanoTime() < until) {
                for (int i = 0; i < cases.size(); i++) {
                    long start = System.nanoTime();
                    check(hasher, password, cases.get(i).getValue().isEmpty() ? null : cases.get(i).getValue());
                    nanos[i] += System.nanoTime() - start;
                }
                rounds++;
            }
            double floor = nanos[0] / 1e6 / rounds;
            System.out.printf("%-45s %7.1f ms a check = 1.00 x (the floor; %d rounds)%n", cases.get(0).getKey(), floor, rounds);
            for (int i = 1; i < cases.size(); i++) {
                double ms = nanos[i] / 1e6 / rounds;
                System.out.printf("%-45s %7.1f ms a check = %.2f x the unknown address%n", cases.get(i).getKey(), ms,
                        ms / floor);
            }
            running.set(false);
            for (Thread t : flooders) {
                t.join();
            }
        }
    }

    private static void check(PasswordHasher hasher, String password, String hash) {
        if (hash == null) {
            hasher.verifyNothing(password);
        } else if (hash.startsWith("!") || hash.startsWith("sha1$") || hash.endsWith("$x")) {
            if (hasher.verify(password, hash)) {
                throw new IllegalStateException("a hash that matches nothing matched");
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
