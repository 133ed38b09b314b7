package org.latchkey.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The HMAC key every service shares. simplejwt (through PyJWT) signs with the UTF-8 bytes of the key string, so
 * the same string works on both sides. There is no default key in the code: without {@code JWT_SIGNING_KEY} a
 * random key is generated once and kept, readable by its owner only, beside the data.
 */
public final class SigningKey {

    /** HS512 uses SHA-512: a shorter key lowers its strength (RFC 7518 §3.2), so Latchkey refuses it. */
    public static final int MIN_BYTES = 64;
    static final String FILE_NAME = "jwt-signing.key";
    private static final Logger LOG = Logger.getLogger(SigningKey.class.getName());

    private final byte[] bytes;

    private SigningKey(byte[] bytes) {
        this.bytes = bytes;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The configured key, checked; or the kept one; or a new one written to {@code dataDir}. */
    public static SigningKey load(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            return of(configured.get(), "JWT_SIGNING_KEY");
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                generate(file);
                LOG.warning("JWT_SIGNING_KEY is not set: Latchkey generated a signing key in " + file
                        + ". Every service that verifies Latchkey cookies needs the same key: set JWT_SIGNING_KEY"
                        + " to this file's content on Latchkey and on those services.");
            }
            return of(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the signing key " + file + " (" + e.getMessage()
                    + "); set JWT_SIGNING_KEY or make latchkey.data.dir writable.", e);
        }
    }

    static SigningKey of(String key, String origin) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(origin + " is " + bytes.length + " bytes long; HS512 needs at least "
                    + MIN_BYTES + ". Set JWT_SIGNING_KEY to a random string of 64 or more characters"
                    + " (e.g. openssl rand -base64 66) and give the same key to every service.");
        }
        return new SigningKey(bytes);
    }

    private static void generate(Path file) throws IOException {
        byte[] random = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(random);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the directory's own protection applies
        } catch (FileAlreadyExistsException e) {
            return; // another instance on the same data directory won the race; use its key
        }
        Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
    }
}
