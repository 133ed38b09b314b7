package org.latchkey.token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void configuredKeyIsUsedAsUtf8Bytes() {
        String key = TestKeys.random();
        assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), SigningKey.load(Optional.of(key), dataDir).bytes());
        assertFalse(Files.exists(dataDir.resolve(SigningKey.FILE_NAME)), "a configured key writes no file");
    }

    @Test
    void shortConfiguredKeyStopsStartupWithOneLineReason() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SigningKey.load(Optional.of("too-short-secret"), dataDir));
        assertTrue(e.getMessage().contains("JWT_SIGNING_KEY is 16 bytes long"), e.getMessage());
        assertTrue(e.getMessage().contains("Set JWT_SIGNING_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void sixtyFourBytesIsEnough() {
        assertEquals(64, SigningKey.load(Optional.of("k".repeat(64)), dataDir).bytes().length);
        assertThrows(IllegalStateException.class, () -> SigningKey.load(Optional.of("k".repeat(63)), dataDir));
    }

    @Test
    void withoutKeyOneIsGeneratedOnceOwnerOnlyAndReused() throws Exception {
        SigningKey first = SigningKey.load(Optional.empty(), dataDir);
        Path file = dataDir.resolve(SigningKey.FILE_NAME);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(first.bytes().length >= 64);
        assertArrayEquals(first.bytes(), SigningKey.load(Optional.empty(), dataDir).bytes(), "kept across restarts");
        assertFalse(java.util.Arrays.equals(first.bytes(), SigningKey.load(Optional.empty(), Files.createTempDirectory(dataDir, "other")).bytes()),
                "each installation gets its own random key");
    }

    @Test
    void tooShortKeptKeyIsRefused() throws Exception {
        Files.writeString(dataDir.resolve(SigningKey.FILE_NAME), "short\n");
        assertThrows(IllegalStateException.class, () -> SigningKey.load(Optional.empty(), dataDir));
    }
}
