package org.latchkey.password;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a stored password hash is, without checking any password: the importer reports, before anything is written,
 * who will sign in with their old password and who needs a reset link. Plain Java (no CDI), so the import command
 * can use it outside the server.
 */
public final class StoredHashes {

    /** How Latchkey treats a stored hash at sign-in. */
    public enum Kind {
        /** A scheme Latchkey checks ({@code bcrypt_sha256}, {@code pbkdf2_sha256}, {@code pbkdf2_sha1}, {@code bcrypt}, {@code argon2}). */
        CHECKED,
        /** Django's unusable password ({@code !…}) or none: matches nothing, the person uses a reset link. */
        UNUSABLE,
        /** Another scheme ({@code sha1}, {@code md5}, …) or a malformed hash: matches nothing, as unusable. */
        UNKNOWN
    }

    /** The schemes Latchkey checks at sign-in. */
    public static final Set<String> CHECKED_SCHEMES = Set.of("bcrypt_sha256", "pbkdf2_sha256", "pbkdf2_sha1", "bcrypt",
            "argon2");

    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$(0[4-9]|[12][0-9]|3[01])\\$[./A-Za-z0-9]{53}");

    private StoredHashes() {
    }

    /**
     * A stored password that matches nothing, in Django's own spelling ({@code !} and 40 random characters): the
     * person sets a new one through a reset link, and Django would read it the same way.
     */
    public static String unusable() {
        byte[] bytes = new byte[30];
        new java.security.SecureRandom().nextBytes(bytes);
        return "!" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static Kind kind(String encoded) {
        if (encoded == null || encoded.isEmpty() || encoded.startsWith("!")) {
            return Kind.UNUSABLE;
        }
        String scheme = scheme(encoded);
        boolean wellFormed = switch (scheme) {
            case "bcrypt_sha256" -> encoded.startsWith(PasswordHasher.PREFIX + "$2")
                    && BCRYPT.matcher(encoded.substring(PasswordHasher.PREFIX.length())).matches();
            case "bcrypt" -> BCRYPT.matcher(encoded.substring("bcrypt$".length())).matches();
            case "pbkdf2_sha256", "pbkdf2_sha1" -> DjangoHashes.iterations(encoded) > 0;
            case "argon2" -> Argon2Hashes.parse(encoded).isPresent();
            default -> false;
        };
        return wellFormed ? Kind.CHECKED : Kind.UNKNOWN;
    }

    /** The iterations a well-formed PBKDF2 hash asks for; 0 for anything else. */
    public static int pbkdf2Iterations(String encoded) {
        return DjangoHashes.iterations(encoded);
    }

    /** The part before the first {@code $} ({@code argon2}, {@code pbkdf2_sha256}, …), or {@code ""}. */
    public static String scheme(String encoded) {
        int dollar = encoded == null ? -1 : encoded.indexOf('$');
        return dollar < 0 ? "" : encoded.substring(0, dollar);
    }
}
