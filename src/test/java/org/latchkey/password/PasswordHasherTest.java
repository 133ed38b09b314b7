package org.latchkey.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void verifiesTheRightPasswordOnly() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hash.startsWith("bcrypt_sha256$$2a$04$"), hash);
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
        assertFalse(hasher.verify("", hash));
        assertNotEquals(hash, hasher.hash("correct horse battery"), "salted");
    }

    @Test
    void noSilentTruncationAt72Bytes() {
        String prefix = "x".repeat(80);
        String hash = hasher.hash(prefix + "A");
        assertTrue(hasher.verify(prefix + "A", hash));
        assertFalse(hasher.verify(prefix + "B", hash), "bytes after the 72nd count");
    }

    @Test
    void readsDjangoBcryptSha256Hashes() {
        // Django's BCryptSHA256PasswordHasher format with Python bcrypt's 2b revision: same algorithm
        String django = hasher.hash("s3cret-Passw0rd").replace("$2a$", "$2b$");
        assertTrue(hasher.verify("s3cret-Passw0rd", django));
    }

    @Test
    void refusesMalformedHashesWithoutThrowing() {
        assertFalse(hasher.verify("x", "pbkdf2_sha256$1$salt$hash"));
        assertFalse(hasher.verify("x", "bcrypt_sha256$garbage"));
        assertFalse(hasher.verify("x", null));
    }

    @Test
    void hashesOfALowerCostNeedARehash() {
        PasswordHasher stronger = new PasswordHasher(6);
        String old = hasher.hash("correct horse battery");
        assertTrue(stronger.needsRehash(old), "cost 4 < 6");
        assertFalse(stronger.needsRehash(stronger.hash("correct horse battery")));
        assertFalse(hasher.needsRehash(stronger.hash("x")), "a higher cost is kept");
        assertTrue(stronger.verify("correct horse battery", old), "the old hash still verifies until replaced");
        assertTrue(stronger.needsRehash("pbkdf2_sha256$1$x$y"));
    }

    @Test
    void refusesAbsurdCost() {
        for (String cost : new String[] {"3", "32", "twelve", "12.5"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> PasswordHasher.cost(
                    org.latchkey.consumer.ConfigValues.of(java.util.Map.of("latchkey.password.bcrypt-cost", cost))));
            org.junit.jupiter.api.Assertions.assertEquals("latchkey.password.bcrypt-cost (LATCHKEY_PASSWORD_BCRYPT_COST) is '"
                    + cost + "'; set a whole number from 4 to 31 (default 12).", refused.getMessage());
        }
    }
}
