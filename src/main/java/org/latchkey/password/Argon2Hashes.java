package org.latchkey.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Django's {@code argon2} hashes ({@code Argon2PasswordHasher}, argon2-cffi's encoding after the scheme name:
 * {@code argon2$argon2id$v=19$m=102400,t=2,p=8$<salt>$<hash>}, older ones {@code argon2i} and without {@code v=}),
 * checked with Bouncy Castle's Argon2 (pure Java, on the calling thread). Each check allocates {@code m} KiB (100 MiB
 * at Django's default), so checks run together only while their memory fits in a quarter of the heap; hashes asking
 * for more than {@link #MAX_MEMORY_KIB} or {@link #MAX_TIME} passes are refused, not computed.
 */
final class Argon2Hashes {

    static final int MAX_MEMORY_KIB = 262_144;
    static final int MAX_TIME = 10;
    static final int MAX_LANES = 16;

    private static final Logger LOG = Logger.getLogger(Argon2Hashes.class.getName());
    /** KiB of Argon2 memory in use at once: a quarter of the heap, at least one check at Django's default. */
    private static final int BUDGET_KIB = (int) Math.min(Integer.MAX_VALUE,
            Math.max(Runtime.getRuntime().maxMemory() / 4 / 1024, 131_072));
    static final Semaphore MEMORY = new Semaphore(BUDGET_KIB, true);
    /** The KiB this thread reserved for the check it is about to run ({@link #withMemory}). */
    private static final ThreadLocal<Integer> RESERVED = new ThreadLocal<>();

    /** A parsed hash: variant, version, memory (KiB), passes, lanes, salt and the expected output. */
    record Params(int variant, int version, int memoryKib, int time, int lanes, byte[] salt, byte[] expected) {
    }

    private Argon2Hashes() {
    }

    /** The hash's parameters when it is well formed and within the limits. */
    static Optional<Params> parse(String encoded) {
        if (encoded == null || !encoded.startsWith("argon2$")) {
            return Optional.empty();
        }
        String[] parts = encoded.split("\\$", -1);
        if (parts.length != 5 && parts.length != 6) {
            return Optional.empty();
        }
        int variant = switch (parts[1]) {
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            default -> -1;
        };
        int at = 2;
        int version = Argon2Parameters.ARGON2_VERSION_10; // what argon2 wrote before "v=" was in the encoding
        try {
            if (parts.length == 6) {
                if (!parts[at].startsWith("v=")) {
                    return Optional.empty();
                }
                version = Integer.parseInt(parts[at++].substring(2));
            }
            String[] costs = parts[at].split(",", -1);
            if (variant < 0 || costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=")
                    || !costs[2].startsWith("p=") || (version != 16 && version != 19)) {
                return Optional.empty();
            }
            int memory = Integer.parseInt(costs[0].substring(2));
            int time = Integer.parseInt(costs[1].substring(2));
            int lanes = Integer.parseInt(costs[2].substring(2));
            byte[] salt = Base64.getDecoder().decode(parts[at + 1]);
            byte[] expected = Base64.getDecoder().decode(parts[at + 2]);
            if (lanes < 1 || lanes > MAX_LANES || time < 1 || time > MAX_TIME || memory < 8 * lanes
                    || memory > MAX_MEMORY_KIB || salt.length < 8 || expected.length < 4 || expected.length > 64) {
                return Optional.empty();
            }
            return Optional.of(new Params(variant, version, memory, time, lanes, salt, expected));
        } catch (IllegalArgumentException e) { // a number or base64 that is not one
            return Optional.empty();
        }
    }

    /**
     * Runs {@code work} — the check of {@code encoded}, when it is an argon2 hash — once its memory is reserved: taken
     * before the bcrypt bulkhead's turn, so a check waiting for memory never holds a turn a bcrypt check could use.
     * Other hashes run at once.
     *
     * @throws PasswordBusyException when the memory is not free within 5 s
     */
    static <T> T withMemory(String encoded, java.util.function.Supplier<T> work) {
        Optional<Params> parsed = parse(encoded);
        if (parsed.isEmpty() || parsed.get().memoryKib() > BUDGET_KIB) {
            return work.get();
        }
        int kib = parsed.get().memoryKib();
        acquire(kib);
        RESERVED.set(kib);
        try {
            return work.get();
        } finally {
            RESERVED.remove();
            MEMORY.release(kib);
        }
    }

    private static void acquire(int kib) {
        try {
            if (!MEMORY.tryAcquire(kib, 5, TimeUnit.SECONDS)) { // one check takes ~0.2 s
                throw new PasswordBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PasswordBusyException();
        }
    }

    /** Whether {@code password} (as UTF-8, as Django passes it) is the one {@code encoded} was made from. */
    static boolean matches(String password, String encoded) {
        Optional<Params> parsed = parse(encoded);
        if (parsed.isEmpty() || password.isEmpty()) {
            return false;
        }
        Params p = parsed.get();
        if (p.memoryKib() > BUDGET_KIB) {
            LOG.warning("An argon2 hash asks for " + p.memoryKib() + " KiB, more than a quarter of this heap: give the"
                    + " server more heap (-Xmx) for it to be checked");
            return false;
        }
        Integer reserved = RESERVED.get();
        boolean own = reserved == null || reserved < p.memoryKib(); // not reserved before the turn: take it here
        if (own) {
            acquire(p.memoryKib());
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(p.variant()).withVersion(p.version())
                    .withMemoryAsKB(p.memoryKib()).withIterations(p.time()).withParallelism(p.lanes())
                    .withSalt(p.salt()).build());
            byte[] derived = new byte[p.expected().length];
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), derived);
            return MessageDigest.isEqual(derived, p.expected());
        } finally {
            if (own) {
                MEMORY.release(p.memoryKib());
            }
        }
    }
}
