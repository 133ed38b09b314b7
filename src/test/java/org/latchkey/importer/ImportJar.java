package org.latchkey.importer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The built import command, {@code java -jar target/latchkey-import.jar ...}, as an operator runs it. */
final class ImportJar {

    /** What a run printed and how it ended. */
    record Result(int exit, String out, String err) {
    }

    private ImportJar() {
    }

    /**
     * Runs the command with {@code environment} on top of this one's, minus the {@code LATCHKEY_DB_*} variables
     * unless {@code environment} sets them (the PostgreSQL round of CI sets them for the servers).
     */
    static Result run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("latchkey.importJar", "target/latchkey-import.jar")));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("import", ".out");
        Path err = Files.createTempFile("import", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("LATCHKEY_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the import did not finish in 300 s");
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
