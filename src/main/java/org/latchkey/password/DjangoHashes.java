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
 * default), {@code pbkdf2_sha1} and plain {@code bcrypt}. Checked as Django checks them (the JDK's PBKDF2, jBCrypt);
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
            case "pbkdf2_sha256", "pbkdf2_sha1", "bcrypt" -> Optional.of(scheme);
            default -> Optional.empty();
        };
    }

    /** Whether {@code password} is the one {@code encoded} was made from; false for anything malformed. */
    static boolean matches(String password, String encoded) {
        return switch (scheme(encoded).orElse("")) {
            case "pbkdf2_sha256" -> pbkdf2(password, encoded, "PBKDF2WithHmacSHA256", 32);
            case "pbkdf2_sha1" -> pbkdf2(password, encoded, "PBKDF2WithHmacSHA1", 20);
            case "bcrypt" -> bcrypt(password, encoded.substring("bcrypt$".length()));
            default -> false;
        };
    }

    /** The PBKDF2 iterations {@code encoded} asks for when it is a well-formed PBKDF2 hash this class computes, else 0. */
    static int iterations(String encoded) {
        if (!scheme(encoded).orElse("").startsWith("pbkdf2_")) {
            return 0;
        }
        String[] parts = encoded.split("\\$", -1);
        try {
            int iterations = parts.length == 4 ? Integer.parseInt(parts[1]) : 0;
            return iterations >= 1 && iterations <= MAX_ITERATIONS ? iterations : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
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

    /** {@code <algorithm>$<iterations>$<salt>$<base64 of the derived key>}, the password and salt as UTF-8. */
    private static boolean pbkdf2(String password, String encoded, String algorithm, int length) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 4 || password.isEmpty() || parts[2].isEmpty()) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || expected.length != length) {
                return false;
            }
            // the JDK's PBKDF2 turns the password's chars into UTF-8 bytes, as Django's force_bytes does
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), parts[2].getBytes(StandardCharsets.UTF_8),
                    iterations, length * 8);
            byte[] derived = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
            spec.clearPassword();
            return MessageDigest.isEqual(derived, expected);
        } catch (NumberFormatException | GeneralSecurityException e) {
            return false;
        } catch (IllegalArgumentException e) { // not base64
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
