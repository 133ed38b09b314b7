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
        dummyHash = hash(HexFormat.of().formatHex(random));
    }

    /** @throws PasswordBusyException when the bulkhead ({@link PasswordWork}) has no turn and no room to wait */
    public String hash(String password) {
        String salt = BCrypt.gensalt(cost);
        return PREFIX + work.run(() -> BCrypt.hashpw(prehash(password), salt));
    }

    /** @throws PasswordBusyException when the bulkhead ({@link PasswordWork}) has no turn and no room to wait */
    public boolean verify(String password, String encoded) {
        if (password == null || encoded == null || !encoded.startsWith(PREFIX)) {
            return false;
        }
        // jBCrypt reads only the 2a revision; 2b (Python's bcrypt, so Django) is the same algorithm here.
        String bcrypt = encoded.substring(PREFIX.length()).replaceFirst("^\\$2[by]\\$", "\\$2a\\$");
        try {
            return work.run(() -> BCrypt.checkpw(prehash(password), bcrypt));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** True when the hash was made with a lower cost than the configured one: rehash it at the next login. */
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
