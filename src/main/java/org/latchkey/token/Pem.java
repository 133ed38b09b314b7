package org.latchkey.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM key files as {@code openssl genpkey} writes them: a PKCS#8 {@code PRIVATE KEY} block and, for EC and Ed25519
 * (whose public half the JDK cannot derive), the {@code PUBLIC KEY} block {@code openssl pkey -pubout} appends. Every
 * key is checked for the algorithm it will sign with, and a private key must match its public key.
 */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private Pem() {
    }

    static KeyPair readPair(String pem, String algorithm, String origin) {
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        for (String[] block : blocks(pem)) {
            switch (block[0]) {
                case "PRIVATE KEY" -> privateKey = decode(block[1], algorithm, true, origin);
                case "PUBLIC KEY" -> publicKey = decode(block[1], algorithm, false, origin);
                default -> throw new IllegalStateException(origin + " holds a '" + block[0] + "' block; write the key"
                        + " as PKCS#8 (openssl genpkey, or openssl pkcs8 -topk8 -nocrypt).");
            }
        }
        if (privateKey == null) {
            throw new IllegalStateException(origin + " holds no PRIVATE KEY block; create one with " + command(algorithm));
        }
        if (publicKey == null && privateKey instanceof RSAPrivateCrtKey rsa) {
            publicKey = rsaPublic(rsa);
        }
        if (publicKey == null) {
            throw new IllegalStateException(origin + " holds no PUBLIC KEY block; append it with"
                    + " openssl pkey -in <file> -pubout >> <file>");
        }
        KeyPair pair = new KeyPair(publicKey, privateKey);
        check(pair, algorithm, origin);
        return pair;
    }

    static PublicKey readPublic(String pem, String algorithm, String origin) {
        for (String[] block : blocks(pem)) {
            if (block[0].equals("PUBLIC KEY")) {
                return checked(decode(block[1], algorithm, false, origin), algorithm, origin);
            }
        }
        return readPair(pem, algorithm, origin).getPublic();
    }

    static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(family(algorithm));
            switch (algorithm) {
                case "RS256" -> generator.initialize(3072);
                case "ES256" -> generator.initialize(new ECGenParameterSpec("secp256r1"));
                default -> { } // Ed25519 has one size
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + algorithm + " key: " + e.getMessage(), e);
        }
    }

    static String write(KeyPair pair) {
        return block("PRIVATE KEY", pair.getPrivate().getEncoded()) + block("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    static String family(String algorithm) {
        return switch (algorithm) {
            case "RS256" -> "RSA";
            case "ES256" -> "EC";
            case "EdDSA" -> "Ed25519";
            default -> throw new IllegalStateException("no key pair for " + algorithm);
        };
    }

    private static String command(String algorithm) {
        return switch (algorithm) {
            case "RS256" -> "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out key.pem";
            case "ES256" -> "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem"
                    + " && openssl pkey -in key.pem -pubout >> key.pem";
            default -> "openssl genpkey -algorithm ed25519 -out key.pem && openssl pkey -in key.pem -pubout >> key.pem";
        };
    }

    private static List<String[]> blocks(String pem) {
        List<String[]> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            blocks.add(new String[] {m.group(1), m.group(2).replaceAll("\\s", "")});
        }
        return blocks;
    }

    private static <K extends java.security.Key> K decode(String base64, String algorithm, boolean privateKey, String origin) {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            KeyFactory factory = KeyFactory.getInstance(family(algorithm));
            @SuppressWarnings("unchecked")
            K key = (K) (privateKey ? factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                    : factory.generatePublic(new X509EncodedKeySpec(der)));
            return key;
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalStateException(origin + " does not hold a " + algorithm + " (" + family(algorithm)
                    + ") key: " + e.getMessage() + ". Create one with " + command(algorithm), e);
        }
    }

    private static PublicKey rsaPublic(RSAPrivateCrtKey rsa) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the RSA public key", e);
        }
    }

    private static PublicKey checked(PublicKey key, String algorithm, String origin) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < 2048) {
            throw new IllegalStateException(origin + " is a " + rsa.getModulus().bitLength()
                    + "-bit RSA key; RS256 needs at least 2048 bits. Create one with " + command(algorithm));
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalStateException(origin + " is not a P-256 key, which ES256 requires. Create one with "
                    + command(algorithm));
        }
        return key;
    }

    /** The private key signs what the public key verifies, with the algorithm the tokens will use. */
    private static void check(KeyPair pair, String algorithm, String origin) {
        checked(pair.getPublic(), algorithm, origin);
        String jca = switch (algorithm) {
            case "RS256" -> "SHA256withRSA";
            case "ES256" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        try {
            byte[] probe = "latchkey key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(jca);
            signer.initSign(pair.getPrivate());
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(pair.getPublic());
            verifier.update(probe);
            if (!verifier.verify(signature)) {
                throw new IllegalStateException(origin + ": its PUBLIC KEY block does not belong to its PRIVATE KEY;"
                        + " write it again with openssl pkey -in <file> -pubout.");
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(origin + " cannot sign with " + algorithm + ": " + e.getMessage(), e);
        }
    }

    private static String block(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
