package org.latchkey.token;

import java.security.SecureRandom;
import java.util.Base64;

/** Tests make their own keys; none is ever committed. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A random key string of 86 characters (64 random bytes, base64url). */
    public static String random() {
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
