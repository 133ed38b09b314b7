package org.latchkey.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latchkey on WildFly, prepared the way the README tells an administrator to: a fresh copy of the unpacked
 * distribution (from the build's {@code wildfly} profile), {@code wildfly/configure.sh} (offline jboss-cli; H2, or
 * PostgreSQL when LATCHKEY_DB_HOST is set), the unchanged WAR in {@code standalone/deployments}, settings as
 * {@code -D} options read through MicroProfile Config. Ready means a 200 from /login.
 */
public final class WildFlyProcess implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final URI management;
    private final Duration startup;
    private final Path log;

    private WildFlyProcess(Process process, URI base, URI management, Duration startup, Path log) {
        this.process = process;
        this.base = base;
        this.management = management;
        this.startup = startup;
        this.log = log;
    }

    /** In a setting's value: the HTTP port this server will listen on. */
    public static final String HTTP_PORT = "{http-port}";

    public static WildFlyProcess start(String name, Map<String, String> systemProperties)
            throws IOException, InterruptedException {
        return start(name, systemProperties, Map.of());
    }

    /**
     * With {@code environment} for {@code configure.sh} and the server (LATCHKEY_MAIL_SMTP_HOST, for instance, adds
     * the mail session).
     */
    public static WildFlyProcess start(String name, Map<String, String> systemProperties, Map<String, String> environment)
            throws IOException, InterruptedException {
        String unpacked = System.getProperty("latchkey.wildfly.home", "");
        if (unpacked.isBlank() || !Files.isDirectory(Path.of(unpacked))) {
            throw new IllegalStateException("No WildFly distribution at '" + unpacked + "': run with -Pwildfly");
        }
        Path dir = Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath().resolve(name);
        run(List.of("rm", "-rf", dir.toString()), null);
        Files.createDirectories(dir);
        Path home = dir.resolve("wildfly");
        run(List.of("cp", "-a", unpacked, home.toString()), null);
        List<String> configure = new ArrayList<>(List.of("bash", "wildfly/configure.sh", home.toString()));
        if (System.getenv("LATCHKEY_DB_HOST") != null) {
            configure.add(Path.of(System.getProperty("latchkey.serverLibs", "target/lib/postgresql.jar")).toAbsolutePath().toString());
        }
        run(configure, dir.resolve("configure.log"), environment);
        Files.copy(Path.of(System.getProperty("latchkey.war", "target/latchkey.war")),
                home.resolve("standalone/deployments/latchkey.war"), StandardCopyOption.REPLACE_EXISTING);

        int http = freePort();
        int admin = freePort();
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone.xml", "-Djboss.http.port=" + http, "-Djboss.https.port=" + freePort(),
                "-Djboss.management.http.port=" + admin, "-Djboss.management.https.port=" + freePort(),
                "-Dlatchkey.data.dir=" + dir.resolve("data")));
        // {http-port} in a value is the port chosen here (a public URL that must name it)
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v.replace(HTTP_PORT, String.valueOf(http))));
        TestSettings.articleRegistration(systemProperties, Map.of()).forEach((k, v) -> command.add("-D" + k + "=" + v));
        Path log = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = builder.start();
        URI base = URI.create("http://localhost:" + http + "/");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited with " + process.exitValue() + "; see " + log);
            }
            String output = Files.readString(log);
            if (output.contains("WFLYSRV0026") || output.contains("WFLYCTL0186")) { // started with errors / failed
                kill(process);
                throw new IllegalStateException(name + ": WildFly reported a failed deployment; see " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new WildFlyProcess(process, base, URI.create("http://localhost:" + admin + "/"),
                            Duration.ofNanos(System.nanoTime() - started), log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        kill(process);
        throw new IllegalStateException(name + " did not answer 200 within 240 s; see " + log);
    }

    private static void run(List<String> command, Path output) throws IOException, InterruptedException {
        run(command, output, Map.of());
    }

    private static void run(List<String> command, Path output, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        if (output != null) {
            builder.redirectOutput(output.toFile());
        } else {
            builder.inheritIO();
        }
        Process p = builder.start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed" + (output == null ? "" : "; see " + output));
        }
    }

    public URI base() {
        return base;
    }

    /** The management interface, where WildFly serves /health. */
    public URI management() {
        return management;
    }

    public Duration startup() {
        return startup;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Resident memory of WildFly's JVM (the child of standalone.sh) in MiB. */
    public long residentMiB() throws IOException {
        long pid = process.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                .findFirst().map(ProcessHandle::pid).orElse(process.pid());
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy); // standalone.sh's java child stops gracefully
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill(process);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
