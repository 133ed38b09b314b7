package org.latchkey.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The consumer package ships to other services alone: it may import only java, jakarta and jose4j. */
class ConsumerIsolationTest {

    @Test
    void importsNothingElseFromTheProject() throws IOException {
        Path dir = Path.of("src/main/java/org/latchkey/consumer");
        List<String> offending;
        try (Stream<Path> files = Files.list(dir)) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(ConsumerIsolationTest::imports)
                    .filter(i -> !(i.startsWith("java.") || i.startsWith("javax.") || i.startsWith("jakarta.")
                            || i.startsWith("org.jose4j.") || i.startsWith("org.eclipse.microprofile.")
                            || i.startsWith("org.latchkey.consumer.")))
                    .collect(Collectors.toList());
        }
        assertEquals(List.of(), offending);
    }

    private static Stream<String> imports(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith("import "))
                    .map(l -> file.getFileName() + ": " + l.replaceFirst("import (static )?", "").replace(";", "").strip())
                    .map(l -> l.substring(l.indexOf(": ") + 2));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
