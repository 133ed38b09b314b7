package org.latchkey.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Latchkey on its own Payara Micro process, started the way the README's run command starts it (the built WAR,
 * the project's post-boot commands), for tests that restart the server or need a second one. Ready means the
 * first 200 from an application page, not an open port: a failed post-boot command still leaves the port open.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private static final Path WAR = Path.of(System.getProperty("latchkey.war", "target/latchkey.war"));
    private static final Path POST_BOOT = Path.of(System.getProperty("latchkey.postBoot",
            "payara-config/post-boot-commands.asadmin"));

    private final Process process;
    private final URI base;
    private final Duration startup;
    private final Path log;

    private PayaraMicroProcess(Process process, URI base, Duration startup, Path log) {
        this.process = process;
        this.base = base;
        this.startup = startup;
        this.log = log;
    }

    public static PayaraMicroProcess start(String name, Path dataDir, Map<String, String> systemProperties)
            throws IOException, InterruptedException {
        return launch(name, dataDir, systemProperties, true);
    }

    /** Latchkey on a given port (a restart that other services must find again at the same address). */
    public static PayaraMicroProcess start(String name, Path dataDir, Map<String, String> systemProperties, int port)
            throws IOException, InterruptedException {
        return launch(name, WAR, POST_BOOT, "login", dataDir, systemProperties, true, port);
    }

    /** A free port now, for {@link #start(String, Path, Map, int)}. */
    public static int reservePort() throws IOException {
        return freePort();
    }

    /** Latchkey with a post-boot command file of the test's own (another datasource). */
    public static PayaraMicroProcess start(String name, Path dataDir, Path postBoot, Map<String, String> systemProperties)
            throws IOException, InterruptedException {
        return launch(name, WAR, postBoot, "login", dataDir, systemProperties, true);
    }

    /** Latchkey with a post-boot command file of the test's own, on a given port (a public URL that names it). */
    public static PayaraMicroProcess start(String name, Path dataDir, Path postBoot, Map<String, String> systemProperties,
                                           int port) throws IOException, InterruptedException {
        return launch(name, WAR, postBoot, "login", dataDir, systemProperties, true, port);
    }

    /** Another application (a downstream service) on its own server, ready when {@code readyPath} answers 200. */
    public static PayaraMicroProcess startApp(String name, Path war, String readyPath, Map<String, String> systemProperties)
            throws IOException, InterruptedException {
        return launch(name, war, null, readyPath, null, systemProperties, true);
    }

    /** For configurations that must fail: returns once the server has finished trying to deploy Latchkey. */
    public static PayaraMicroProcess startUndeployable(String name, Path dataDir, Map<String, String> systemProperties)
            throws IOException, InterruptedException {
        return launch(name, dataDir, systemProperties, false);
    }

    /** Latchkey with settings given as environment variables (and no -Dlatchkey.data.dir unless in the map). */
    public static PayaraMicroProcess startWithEnvironment(String name, Map<String, String> environment, boolean expectReady)
            throws IOException, InterruptedException {
        return launch(name, WAR, POST_BOOT, "login", null, Map.of(), expectReady, freePort(), environment);
    }

    private static PayaraMicroProcess launch(String name, Path dataDir, Map<String, String> systemProperties,
                                             boolean expectReady) throws IOException, InterruptedException {
        return launch(name, WAR, POST_BOOT, "login", dataDir, systemProperties, expectReady);
    }

    private static PayaraMicroProcess launch(String name, Path war, Path postBoot, String readyPath, Path dataDir,
                                             Map<String, String> systemProperties, boolean expectReady)
            throws IOException, InterruptedException {
        return launch(name, war, postBoot, readyPath, dataDir, systemProperties, expectReady, freePort());
    }

    /**
     * Payara Micro now and then fails to build its own default web module while booting ("Error in generating
     * security policy … PolicyConfigurationFactory : cannot instantiate", seen once in some 150 starts); the
     * application then deploys and answers, but without injection. Such a boot is not the server under test: it is
     * stopped, its log kept as {@code <name>-failed-boot.log}, and the server started once more.
     */
    static final String FAILED_BOOT = "Error loading web module __default-web-module";

    private static PayaraMicroProcess launch(String name, Path war, Path postBoot, String readyPath, Path dataDir,
                                             Map<String, String> systemProperties, boolean expectReady, int port)
            throws IOException, InterruptedException {
        return launch(name, war, postBoot, readyPath, dataDir, systemProperties, expectReady, port, Map.of());
    }

    private static PayaraMicroProcess launch(String name, Path war, Path postBoot, String readyPath, Path dataDir,
                                             Map<String, String> systemProperties, boolean expectReady, int port,
                                             Map<String, String> environment) throws IOException, InterruptedException {
        PayaraMicroProcess server = launchOnce(name, war, postBoot, readyPath, dataDir, systemProperties, expectReady, port,
                environment);
        if (!server.log().contains(FAILED_BOOT)) {
            return server;
        }
        server.kill();
        Files.move(server.log, server.log.resolveSibling(name + "-failed-boot.log"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return launchOnce(name, war, postBoot, readyPath, dataDir, systemProperties, expectReady, port, environment);
    }

    private static PayaraMicroProcess launchOnce(String name, Path war, Path postBoot, String readyPath, Path dataDir,
                                                 Map<String, String> systemProperties, boolean expectReady, int port,
                                                 Map<String, String> environment)
            throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("latchkey.testDir", "target/it"));
        Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        if (dataDir != null) {
            command.add("-Dlatchkey.data.dir=" + dataDir.toAbsolutePath());
        }
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (war.equals(WAR)) {
            TestSettings.articleRegistration(systemProperties, environment).forEach((k, v) -> command.add("-D" + k + "=" + v));
        }
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", war.toString(), "--contextroot", "/", "--port", String.valueOf(port), "--nocluster"));
        if (postBoot != null) {
            command.addAll(List.of("--postbootcommandfile", postBoot.toString(),
                    "--addLibs", System.getProperty("latchkey.serverLibs", "target/lib/postgresql.jar")));
        }
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        URI base = URI.create("http://localhost:" + port + "/");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited with " + process.exitValue() + "; see " + log);
            }
            String output = Files.readString(log);
            if (expectReady && output.contains("Exception while loading the app")) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " failed to deploy; see " + log);
            }
            if (!expectReady && output.contains("ready in")) {
                return new PayaraMicroProcess(process, base, Duration.ofNanos(System.nanoTime() - started), log);
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(base.resolve(readyPath)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (expectReady && response.statusCode() == 200) {
                    return new PayaraMicroProcess(process, base, Duration.ofNanos(System.nanoTime() - started), log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not answer 200 within 180 s; see " + log);
    }

    /** The status of a GET of an application path. */
    public int status(String path) throws IOException, InterruptedException {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    public URI base() {
        return base;
    }

    /** Launch to first 200 from /login. */
    public Duration startup() {
        return startup;
    }

    /** Resident memory of the server process in MiB, from /proc. */
    public long residentMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hook, no chance to flush anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** A graceful stop, as an administrator's restart would do. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
