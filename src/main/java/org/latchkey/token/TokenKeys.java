package org.latchkey.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;
import org.latchkey.consumer.TokenVerifier;
import org.latchkey.consumer.Tokens;

/**
 * The key Latchkey signs with and every key its tokens may still be verified with. HS512 (the default): the shared
 * {@link SigningKey}. RS256, ES256, EdDSA: a private key from PEM (configured, or generated once into the data
 * directory), whose public half — with any previous public keys still in use (rotation) — is published as a JWKS.
 * Every token names its key in {@code kid}: the RFC 7638 thumbprint of a public key, or a label derived from the
 * HMAC key.
 */
public final class TokenKeys {

    private static final Logger LOG = Logger.getLogger(TokenKeys.class.getName());

    private final String algorithm;
    private final Key signing;
    private final String kid;
    private final byte[] secret;
    private final byte[] hmac;
    private final List<PublicJsonWebKey> published;
    private final String jwksJson;

    private TokenKeys(String algorithm, Key signing, String kid, byte[] secret, byte[] hmac, List<PublicJsonWebKey> published) {
        this.algorithm = algorithm;
        this.signing = signing;
        this.kid = kid;
        this.secret = secret;
        this.hmac = hmac;
        this.published = List.copyOf(published);
        this.jwksJson = jwks().toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY); // fixed for these keys: built once
    }

    public static TokenKeys hmac(SigningKey key, String algorithm) {
        byte[] bytes = key.bytes();
        return new TokenKeys(algorithm, new HmacKey(bytes), Tokens.hmacKeyId(bytes), bytes, bytes, List.of());
    }

    /** A key pair signs; the previous public keys only verify (and stay published) until their tokens expire. */
    public static TokenKeys asymmetric(String algorithm, KeyPair current, List<PublicKey> previous) {
        List<PublicJsonWebKey> published = new ArrayList<>();
        PublicJsonWebKey signingJwk = jwk(current.getPublic(), algorithm);
        published.add(signingJwk);
        for (PublicKey old : previous) {
            PublicJsonWebKey jwk = jwk(old, algorithm);
            if (published.stream().noneMatch(p -> p.getKeyId().equals(jwk.getKeyId()))) {
                published.add(jwk);
            }
        }
        return new TokenKeys(algorithm, current.getPrivate(), signingJwk.getKeyId(), sha256(current.getPrivate().getEncoded()),
                null, published);
    }

    /**
     * From the settings: HS* → {@code JWT_SIGNING_KEY} (or the kept generated one); otherwise the PEM text, or the
     * PEM file, or a pair generated once into {@code <dataDir>/jwt-<algorithm>.pem}; plus previous public keys.
     */
    public static TokenKeys load(String algorithm, Optional<String> hmacKey, Optional<String> privateKeyPem,
                                 Optional<String> privateKeyFile, List<String> previousPublicKeyFiles, Path dataDir) {
        if (algorithm.startsWith("HS")) {
            return hmac(SigningKey.load(hmacKey, dataDir), algorithm);
        }
        KeyPair current;
        if (privateKeyPem.isPresent()) {
            current = Pem.readPair(privateKeyPem.get(), algorithm, "latchkey.jwt.private-key");
        } else if (privateKeyFile.isPresent()) {
            current = Pem.readPair(read(Path.of(privateKeyFile.get()), "latchkey.jwt.private-key-file"), algorithm,
                    privateKeyFile.get());
        } else {
            current = generated(dataDir.resolve("jwt-" + algorithm.toLowerCase() + ".pem"), algorithm);
        }
        List<PublicKey> previous = new ArrayList<>();
        for (String file : previousPublicKeyFiles) {
            previous.add(Pem.readPublic(read(Path.of(file), "latchkey.jwt.previous-public-keys"), algorithm, file));
        }
        return asymmetric(algorithm, current, previous);
    }

    public String algorithm() {
        return algorithm;
    }

    public String keyId() {
        return kid;
    }

    Key signingKey() {
        return signing;
    }

    /** Secret bytes for deriving values only Latchkey can compute (refresh successors' ids). */
    byte[] secret() {
        return secret.clone();
    }

    /** The public keys as a JWKS (never a private or shared key); empty with HMAC. */
    public JsonWebKeySet jwks() {
        return new JsonWebKeySet(new ArrayList<JsonWebKey>(published));
    }

    public String jwksJson() {
        return jwksJson;
    }

    /** Latchkey's own verifier: the shared key, or the published public keys chosen by {@code kid}. */
    public TokenVerifier verifier(TokenSettings settings, int cacheSize) {
        int leeway = (int) settings.leeway().toSeconds();
        if (hmac != null) {
            return new TokenVerifier(hmac.clone(), new String[] {algorithm}, leeway, settings.issuer(),
                    settings.audience(), cacheSize);
        }
        return TokenVerifier.withKeys(new JwksVerificationKeyResolver(new ArrayList<JsonWebKey>(published)),
                new String[] {algorithm}, leeway, settings.issuer(), settings.audience(), cacheSize);
    }

    private static PublicJsonWebKey jwk(PublicKey key, String algorithm) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
            jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
            jwk.setAlgorithm(algorithm);
            jwk.setUse("sig");
            return jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot publish a " + algorithm + " key: " + e.getMessage(), e);
        }
    }

    private static KeyPair generated(Path file, String algorithm) {
        try {
            if (!Files.exists(file)) {
                String pem = Pem.write(Pem.generate(algorithm));
                Files.createDirectories(file.getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(file, pem, StandardCharsets.US_ASCII);
                    LOG.info("Generated a " + algorithm + " signing key in " + file + "; its public half is published"
                            + " at /.well-known/jwks.json (nothing to share). Keep the file: tokens it signed verify only with it.");
                } catch (FileAlreadyExistsException raced) {
                    // another instance on the same data directory wrote it first: use theirs
                }
            }
            return Pem.readPair(Files.readString(file, StandardCharsets.US_ASCII), algorithm, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the signing key " + file + " (" + e.getMessage()
                    + "); set latchkey.jwt.private-key-file or make latchkey.data.dir writable.", e);
        }
    }

    private static String read(Path file, String setting) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(setting + " names " + file + ", which cannot be read (" + e.getMessage()
                    + "); point it at a PEM file this server can read.", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
