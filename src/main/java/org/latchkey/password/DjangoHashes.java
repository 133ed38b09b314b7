package org.latchkey.password;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.mindrot.jbcrypt.BCrypt;

/**
 * Django's other password hashers, for accounts that come from a Django auth service: {@code pbkdf2_sha256} (Django's
 * default), {@code pbkdf2_sha1}, plain {@code bcrypt} and {@code argon2} ({@link Argon2Hashes}). Checked as Django
 * checks them (the JDK's PBKDF2, jBCrypt, Bouncy Castle's Argon2);
 * {@link PasswordHasher} replaces such a hash with its own after the first successful sign-in. Unusable passwords
 * ({@code !…}) and unknown schemes match nothing.
 */
final class DjangoHashes {

    /** Above this a hash is refused, not computed: a forged row must not stall a request thread for minutes. */
    static final int MAX_ITERATIONS = 10_000_000;

    private DjangoHashes() {
    }

    /** The scheme of {@code encoded} when it is one of these, e.g. {@code pbkdf2_sha256}. */
    static Optional<String> scheme(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        int dollar = encoded.indexOf('$');
        String scheme = dollar < 0 ? "" : encoded.substring(0, dollar);
        return switch (scheme) {
            case "pbkdf2_sha256", "pbkdf2_sha1", "bcrypt", "argon2" -> Optional.of(scheme);
            default -> Optional.empty();
        };
    }

    /** Whether {@code password} is the one {@code encoded} was made from; false for anything malformed. */
    static boolean matches(String password, String encoded) {
        return switch (scheme(encoded).orElse("")) {
            case "pbkdf2_sha256", "pbkdf2_sha1" -> pbkdf2(password, encoded);
            case "bcrypt" -> bcrypt(password, encoded.substring("bcrypt$".length()));
            case "argon2" -> Argon2Hashes.matches(password, encoded);
            default -> false;
        };
    }

    /**
     * The PBKDF2 iterations {@code encoded} asks for when it is a well-formed PBKDF2 hash this class computes, else 0:
     * a check of such a hash with a non-empty password always runs them (the padding measures a round by it).
     */
    static int iterations(String encoded) {
        return pbkdf2(encoded).map(Pbkdf2::iterations).orElse(0);
    }

    /** Runs {@code iterations} PBKDF2-SHA256 rounds on nothing: time spent, as a check would spend it. */
    static void spend(int iterations) {
        if (iterations < 1) {
            return;
        }
        try {
            SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec("padding".toCharArray(),
                    PADDING_SALT, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }

    private static final byte[] PADDING_SALT = "latchkey-padding".getBytes(StandardCharsets.UTF_8);

    /** A well-formed PBKDF2 hash: the JDK's algorithm name, iterations, salt and the derived key. */
    private record Pbkdf2(String algorithm, int iterations, String salt, byte[] expected) {
    }

    /** {@code <algorithm>$<iterations>$<salt>$<base64 of the derived key>}, within {@link #MAX_ITERATIONS}. */
    private static Optional<Pbkdf2> pbkdf2(String encoded) {
        String scheme = scheme(encoded).orElse("");
        if (!scheme.startsWith("pbkdf2_")) {
            return Optional.empty();
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            int length = scheme.equals("pbkdf2_sha256") ? 32 : 20;
            if (iterations < 1 || iterations > MAX_ITERATIONS || expected.length != length) {
                return Optional.empty();
            }
            return Optional.of(new Pbkdf2(scheme.equals("pbkdf2_sha256") ? "PBKDF2WithHmacSHA256" : "PBKDF2WithHmacSHA1",
                    iterations, parts[2], expected));
        } catch (IllegalArgumentException e) { // not a number, not base64
            return Optional.empty();
        }
    }

    /** The password and salt as UTF-8, as Django's force_bytes makes them. */
    private static boolean pbkdf2(String password, String encoded) {
        Optional<Pbkdf2> parsed = pbkdf2(encoded);
        if (parsed.isEmpty() || password.isEmpty()) {
            return false;
        }
        Pbkdf2 hash = parsed.get();
        try {
            // the JDK's PBKDF2 turns the password's chars into UTF-8 bytes, as Django's force_bytes does
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), hash.salt().getBytes(StandardCharsets.UTF_8),
                    hash.iterations(), hash.expected().length * 8);
            byte[] derived = SecretKeyFactory.getInstance(hash.algorithm()).generateSecret(spec).getEncoded();
            spec.clearPassword();
            return MessageDigest.isEqual(derived, hash.expected());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Plain bcrypt of the password (Python's 2b revision is jBCrypt's 2a). */
    private static boolean bcrypt(String password, String hash) {
        try {
            return BCrypt.checkpw(password, hash.replaceFirst("^\\$2[by]\\$", "\\$2a\\$"));
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return false;
        }
    }
}
