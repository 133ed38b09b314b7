package org.latchkey.password;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt over the hex SHA-256 of the password, stored as {@code bcrypt_sha256$<bcrypt hash>}: the scheme and format
 * of Django's {@code BCryptSHA256PasswordHasher}. The pre-hash means bcrypt never silently drops the bytes after
 * the 72nd, so two long passwords that share a prefix are different passwords.
 */
@ApplicationScoped
public class PasswordHasher {

    static final String PREFIX = "bcrypt_sha256$";
    private static final Logger LOG = Logger.getLogger(PasswordHasher.class.getName());

    @Inject
    Config config;

    @Inject
    PasswordWork work;

    int cost;

    /** Compared against when the email is unknown, so that answer takes as long as a wrong password. */
    private String dummyHash;

    /** What a check of Latchkey's own hash takes now (a moving average): imported hashes are padded to it. */
    private volatile double bcryptNanos;

    /** What one PBKDF2 iteration takes now (a moving average, from the imported hashes checked). */
    volatile double pbkdf2IterationNanos;
    private volatile boolean pbkdf2Measured;

    public PasswordHasher() {
    }

    PasswordHasher(int cost) {
        this(cost, new PasswordWork(new PasswordWork.Limits(Runtime.getRuntime().availableProcessors(), 1000)));
    }

    PasswordHasher(int cost, PasswordWork work) {
        this.cost = cost;
        this.work = work;
        init();
    }

    /** bcrypt's work factor: 4 to 31 (below 10 only for tests). */
    public static int cost(ConfigValues values) {
        return values.integer("latchkey.password.bcrypt-cost", 12, 4, 31);
    }

    @PostConstruct
    void configure() {
        cost = cost(ConfigValues.of(config));
        init();
    }

    void init() {
        if (cost < 10) {
            LOG.warning("latchkey.password.bcrypt-cost is " + cost + ": fine for tests, too cheap for real passwords.");
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        long start = System.nanoTime();
        dummyHash = hash(HexFormat.of().formatHex(random));
        bcryptNanos = System.nanoTime() - start; // a first guess, cold; every check refines it
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 40; i++) { // ~70 ms once: past the JIT's compilations of HMAC-SHA256
            start = System.nanoTime();
            DjangoHashes.spend(10_000);
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        pbkdf2IterationNanos = fastest / 10_000.0;
    }

    /** @throws PasswordBusyException when the bulkhead ({@link PasswordWork}) has no turn and no room to wait */
    public String hash(String password) {
        String salt = BCrypt.gensalt(cost);
        return PREFIX + work.run(() -> BCrypt.hashpw(prehash(password), salt));
    }

    /**
     * Checks a password against its stored hash: Latchkey's own, or one of Django's ({@link DjangoHashes}, for
     * accounts imported from a Django auth service — {@link #needsRehash} then says to replace it).
     *
     * @throws PasswordBusyException when the bulkhead ({@link PasswordWork}) has no turn and no room to wait
     */
    public boolean verify(String password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        if (!encoded.startsWith(PREFIX)) {
            // an imported hash, or one that matches nothing (Django's unusable "!…", an unknown scheme): the same time
            return work.run(() -> checkImported(password, encoded));
        }
        // jBCrypt reads only the 2a revision; 2b (Python's bcrypt, so Django) is the same algorithm here.
        String bcrypt = encoded.substring(PREFIX.length()).replaceFirst("^\\$2[by]\\$", "\\$2a\\$");
        try {
            return work.run(() -> {
                long start = System.nanoTime();
                boolean right = BCrypt.checkpw(prehash(password), bcrypt);
                if (bcrypt.startsWith("$2a$" + (cost < 10 ? "0" : "") + cost + "$")) {
                    bcryptNanos = 0.8 * bcryptNanos + 0.2 * (System.nanoTime() - start);
                }
                return right;
            });
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) { // a malformed hash: jBCrypt's ways
            return false;
        }
    }

    /**
     * A Django hash, then — for PBKDF2, which Django runs at fewer iterations than a cost-12 bcrypt takes, and for
     * anything that matches nothing at once (an unusable or unknown hash) — more PBKDF2 rounds on nothing until the
     * check has taken what a check of Latchkey's own hash takes now: an imported account, a native one and an unknown
     * address answer in the same time (bench/password-schemes.sh).
     */
    private boolean checkImported(String password, String encoded) {
        long start = System.nanoTime();
        boolean right = DjangoHashes.matches(password, encoded);
        long took = System.nanoTime() - start;
        int iterations = DjangoHashes.iterations(encoded);
        // the rounds the padding runs, measured only when a check ran them all (a well-formed hash, a password)
        if (iterations > 0 && !password.isEmpty() && encoded.startsWith("pbkdf2_sha256$")) {
            double perIteration = (double) took / iterations;
            // the first real check replaces the start-up guess (measured before the JIT was done with PBKDF2)
            pbkdf2IterationNanos = pbkdf2Measured ? 0.8 * pbkdf2IterationNanos + 0.2 * perIteration : perIteration;
            pbkdf2Measured = true;
        }
        double missing = bcryptNanos - took; // any scheme quicker than Latchkey's own: plain bcrypt at a lower cost, argon2
        if (missing > 0) {
            DjangoHashes.spend((int) Math.min(DjangoHashes.MAX_ITERATIONS, missing / pbkdf2IterationNanos));
        }
        return right;
    }

    /**
     * True when the hash is not Latchkey's own (Django's PBKDF2, say) or was made with a lower cost than the
     * configured one: rehash it at the next login.
     */
    public boolean needsRehash(String encoded) {
        if (encoded == null || !encoded.startsWith(PREFIX + "$2")) {
            return true;
        }
        try {
            return Integer.parseInt(encoded.substring(PREFIX.length() + 4, PREFIX.length() + 6)) < cost;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Spends the time of one verification without any account: for unknown emails. */
    public void verifyNothing(String password) {
        verify(password == null ? "" : password, dummyHash);
    }

    static String prehash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
