package org.latchkey.token;

import java.security.SecureRandom;
import java.util.Base64;

/** Tests make their own keys; none is ever committed. */
public final class TestKeys {

    private TestKeys() {
    }

    /** A new key pair for {@code algorithm} (RS256, ES256, EdDSA) as PEM: the private key, then the public one. */
    public static String keyPairPem(String algorithm) {
        return Pem.write(Pem.generate(algorithm));
    }

    /** Only the PUBLIC KEY block of a key pair PEM, as {@code openssl pkey -pubout} writes it. */
    public static String publicPem(String keyPairPem, String algorithm) {
        java.security.PublicKey key = Pem.readPair(keyPairPem, algorithm, "test").getPublic();
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** The same header and claims as {@code genuine}, signed with another RS256 key: what a forger can make. */
    public static String forgeRs256(String genuine, String otherKeyPairPem) throws Exception {
        String[] parts = genuine.split("\\.");
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setCompactSerialization(parts[0] + "." + parts[1] + "." + parts[2]);
        String kid = jws.getKeyIdHeaderValue();
        org.jose4j.jws.JsonWebSignature forged = new org.jose4j.jws.JsonWebSignature();
        forged.setPayload(jws.getUnverifiedPayload());
        forged.setAlgorithmHeaderValue("RS256");
        forged.setHeader("typ", "JWT");
        forged.setKeyIdHeaderValue(kid);
        forged.setKey(Pem.readPair(otherKeyPairPem, "RS256", "forger").getPrivate());
        return forged.getCompactSerialization();
    }

    /** A random key string of 86 characters (64 random bytes, base64url). */
    public static String random() {
        byte[] bytes = new byte[64];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
