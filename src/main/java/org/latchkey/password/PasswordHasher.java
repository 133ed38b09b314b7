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

    /** {@link #dummyHash}'s bcrypt part, as jBCrypt reads it. */
    private String dummyBcrypt;

    /** What a check of Latchkey's own hash takes now, by the clock (a moving average): imported hashes are padded to it. */
    private volatile double bcryptNanos;

    /** PBKDF2 rounds on nothing spent at a time while padding: about 0.2 ms here, so the padding overshoots by less. */
    static final int PADDING_CHUNK = 1_000;

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
        dummyBcrypt = dummyHash.substring(PREFIX.length());
        bcryptNanos = System.nanoTime() - start; // a first guess, cold; every check of Latchkey's own refines it
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
        if (StoredHashes.kind(encoded) != StoredHashes.Kind.CHECKED) {
            // matches nothing (Django's unusable "!…", an unknown scheme, a malformed hash of any scheme): the very
            // check an unknown address gets, so neither can be told from it
            return work.run(() -> {
                BCrypt.checkpw(prehash(password), dummyBcrypt);
                return false;
            });
        }
        if (!encoded.startsWith(PREFIX)) { // a Django hash, padded to Latchkey's own; argon2's memory before the turn
            return Argon2Hashes.withMemory(encoded, () -> work.run(() -> checkImported(password, encoded)));
        }
        // jBCrypt reads only the 2a revision; 2b (Python's bcrypt, so Django) is the same algorithm here.
        String bcrypt = encoded.substring(PREFIX.length()).replaceFirst("^\\$2[by]\\$", "\\$2a\\$");
        return work.run(() -> {
            long start = System.nanoTime();
            boolean right = BCrypt.checkpw(prehash(password), bcrypt);
            if (bcrypt.startsWith("$2a$" + (cost < 10 ? "0" : "") + cost + "$")) {
                bcryptNanos = 0.8 * bcryptNanos + 0.2 * (System.nanoTime() - start);
            }
            return right;
        });
    }

    /**
     * A Django hash, then — when it took less than a check of Latchkey's own hash takes now (PBKDF2, which Django runs
     * at fewer iterations than a cost-12 bcrypt takes; plain bcrypt at a lower cost; a quick argon2) — PBKDF2 rounds
     * on nothing, a chunk at a time, until the clock says the check has taken that long. By the clock, not by an
     * estimate of what a round costs: under a flood a round costs more, and so does Latchkey's own check, and the
     * padding follows both (bench/password-schemes.sh, idle and under a flood).
     */
    private boolean checkImported(String password, String encoded) {
        long start = System.nanoTime();
        boolean right = DjangoHashes.matches(password, encoded);
        long until = start + (long) bcryptNanos;
        while (System.nanoTime() < until) {
            DjangoHashes.spend(PADDING_CHUNK);
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
