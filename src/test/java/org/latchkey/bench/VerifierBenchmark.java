package org.latchkey.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.consumer.TokenVerifier;
import org.latchkey.token.IssuedToken;
import org.latchkey.token.SigningKey;
import org.latchkey.token.TestKeys;
import org.latchkey.token.TokenClaims;
import org.latchkey.token.TokenIssuer;
import org.latchkey.token.TokenSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verification of one Latchkey access token (bench/run.sh runs it): cold (the cache off, so every call does the
 * whole verification, as for a token never seen before), repeat (the same cookie again, served by the cache), and
 * the physical floor — raw HMAC-SHA512 over the same signing input.
 */
@State(Scope.Benchmark)
public class VerifierBenchmark {

    String token;
    byte[] signingInput;
    byte[] key;
    TokenVerifier cold;
    TokenVerifier repeat;
    final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::newMac);

    @Setup
    public void setUp() throws Exception {
        String keyText = TestKeys.random();
        key = keyText.getBytes(StandardCharsets.UTF_8);
        TokenSettings settings = new TokenSettings("HS512", Duration.ofHours(1), Duration.ofDays(5), Duration.ZERO,
                Optional.empty(), Optional.empty());
        IssuedToken issued = new TokenIssuer(SigningKey.load(Optional.of(keyText), java.nio.file.Path.of(".")), settings)
                .access(new TokenClaims(42, "6f1c0c1e-8d53-4b55-a6d4-0ad1c1f6a0b7", "ada.lovelace@example.com", "Ada",
                        "Lovelace", false, false), Instant.now());
        token = issued.value();
        signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
        cold = new TokenVerifier(key, new String[] {"HS512"}, 0, Optional.empty(), Optional.empty(), 0);
        repeat = new TokenVerifier(key, new String[] {"HS512"}, 0, Optional.empty(), Optional.empty(), 10_000);
        System.out.println("token length: " + token.length() + " characters");
    }

    @Benchmark
    public LatchkeyUser coldVerify() throws Exception {
        return cold.verifyAccess(token);
    }

    @Benchmark
    public LatchkeyUser repeatVerify() throws Exception {
        return repeat.verifyAccess(token);
    }

    @Benchmark
    public byte[] rawHmacSha512() {
        return mac.get().doFinal(signingInput);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance("HmacSHA512");
            m.init(new SecretKeySpec(key, "HmacSHA512"));
            return m;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
