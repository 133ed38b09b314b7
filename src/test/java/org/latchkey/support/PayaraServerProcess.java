package org.latchkey.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Latchkey on the full Payara Server, set up the way an administrator would: a new domain, the JDBC pool, the
 * {@code jdbc/latchkey} resource and the settings as system properties — either through the admin REST interface
 * that the admin console itself calls ({@link Setup#REST}) or with {@code asadmin} as the README shows
 * ({@link Setup#ASADMIN}) — then the unchanged WAR deployed at {@code /}. H2 in the domain's data directory, or the
 * PostgreSQL database of {@code LATCHKEY_DB_*} with the driver in the domain's {@code lib/}.
 */
public final class PayaraServerProcess implements AutoCloseable {

    public enum Setup { REST, ASADMIN }

    private static final String DOMAIN = "latchkey";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path home;
    private final Path domains;
    private final String java;
    private final URI base;
    private final URI admin;
    private final Duration startup;
    private Duration deployment = Duration.ZERO;

    private PayaraServerProcess(Path home, Path domains, String java, URI base, URI admin, Duration startup) {
        this.home = home;
        this.domains = domains;
        this.java = java;
        this.base = base;
        this.admin = admin;
        this.startup = startup;
    }

    public static PayaraServerProcess start(String name, Setup setup, Map<String, String> settings)
            throws IOException, InterruptedException {
        return start(name, setup, settings, 0);
    }

    /**
     * With {@code mailPort} above 0 (asadmin set-up only): also the README's {@code create-javamail-resource …
     * mail/latchkey} for an SMTP server on that local port, and the public URL its links need.
     */
    public static PayaraServerProcess start(String name, Setup setup, Map<String, String> settings, int mailPort)
            throws IOException, InterruptedException {
        String unpacked = System.getProperty("latchkey.payaraServer.home", "");
        if (unpacked.isBlank() || !Files.isDirectory(Path.of(unpacked))) {
            throw new IllegalStateException("No Payara Server at '" + unpacked + "': run with -Ppayara-server");
        }
        Path home = Path.of(unpacked).toAbsolutePath();
        Path dir = Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath().resolve(name);
        run(List.of("rm", "-rf", dir.toString()), null, null);
        Files.createDirectories(dir);
        Path domains = dir.resolve("domains");
        String java = javaHome();
        int portBase = portBase();
        PayaraServerProcess server = new PayaraServerProcess(home, domains, java,
                URI.create("http://localhost:" + (portBase + 80) + "/"), URI.create("http://localhost:" + (portBase + 48) + "/"),
                Duration.ZERO);
        long started = System.nanoTime();
        server.asadmin(dir.resolve("create-domain.log"), "--user", "admin", "create-domain", "--nopassword=true",
                "--portbase", String.valueOf(portBase), "--domaindir", domains.toString(), DOMAIN);
        boolean postgres = System.getenv("LATCHKEY_DB_HOST") != null;
        if (postgres) { // where the JDBC driver goes: the domain's lib directory, read when the domain starts
            Path lib = Files.createDirectories(domains.resolve(DOMAIN).resolve("lib"));
            Path driver = Path.of(System.getProperty("latchkey.serverLibs", "target/lib/postgresql.jar")).toAbsolutePath();
            Files.copy(driver, lib.resolve("postgresql.jar"));
        }
        server.asadmin(dir.resolve("start-domain.log"), "start-domain", "--domaindir", domains.toString(), DOMAIN);
        // the test domain needs no data grid (and its cluster discovery must not meet the Payara Micro tests')
        server.asadmin(dir.resolve("hazelcast.log"), "--port", String.valueOf(portBase + 48),
                "set-hazelcast-configuration", "--enabled=false", "--dynamic=true");

        Map<String, String> properties = new LinkedHashMap<>(settings);
        properties.putAll(TestSettings.articleRegistration(settings, Map.of()));
        properties.put("latchkey.data.dir", dir.resolve("data").toString());
        if (mailPort > 0) {
            properties.put("latchkey.public-url", server.base.toString());
        }
        Map<String, String> pool = postgres ? Map.of("datasourceClassname", "org.postgresql.ds.PGSimpleDataSource",
                "property", "serverName=" + env("LATCHKEY_DB_HOST") + ":portNumber=" + env("LATCHKEY_DB_PORT")
                        + ":databaseName=" + env("LATCHKEY_DB_NAME") + ":user=" + env("LATCHKEY_DB_USER")
                        + ":password=" + env("LATCHKEY_DB_PASSWORD"), "connectionValidationMethod", "meta-data")
                : Map.of("datasourceClassname", "org.h2.jdbcx.JdbcDataSource", "property", "url=jdbc\\:h2\\:file\\:"
                        + dir.resolve("data").resolve("latchkey").toString().replace(":", "\\:")
                        + ";WRITE_DELAY\\=0:user=latchkey:password=latchkey", "connectionValidationMethod", "auto-commit");
        Path war = Path.of(System.getProperty("latchkey.war", "target/latchkey.war")).toAbsolutePath();
        long configuring = System.nanoTime();
        if (setup == Setup.REST) {
            server.restSetup(pool, properties, war);
        } else {
            server.asadminSetup(dir.resolve("setup.log"), pool, properties, war, mailPort);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(server.base.resolve("login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    PayaraServerProcess ready = new PayaraServerProcess(home, domains, java, server.base, server.admin,
                            Duration.ofNanos(System.nanoTime() - started));
                    ready.deployment = Duration.ofNanos(System.nanoTime() - configuring);
                    return ready;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        server.close();
        throw new IllegalStateException(name + " did not answer 200 within 120 s; see " + server.logFile());
    }

    /** What the admin console does: POSTs to the collections of {@code /management/domain}. */
    private void restSetup(Map<String, String> pool, Map<String, String> properties, Path war)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>(Map.of("name", "latchkey-pool", "resType", "javax.sql.DataSource",
                "isConnectionValidationRequired", "true"));
        form.putAll(pool);
        rest("domain/resources/jdbc-connection-pool", form);
        rest("domain/resources/jdbc-resource", Map.of("id", "jdbc/latchkey", "poolName", "latchkey-pool"));
        rest("domain/servers/server/server/system-properties", properties);
        String boundary = UUID.randomUUID().toString();
        byte[] archive = Files.readAllBytes(war);
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> field : Map.of("contextroot", "/", "name", "latchkey").entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"id\"; filename=\"latchkey.war\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(archive);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> deployed = HTTP.send(HttpRequest.newBuilder(admin.resolve("management/domain/applications/application"))
                .header("X-Requested-By", "latchkey-test").header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)).timeout(Duration.ofMinutes(3)).build(),
                HttpResponse.BodyHandlers.ofString());
        check("deploy", deployed);
    }

    private void rest(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        check(path, HTTP.send(HttpRequest.newBuilder(admin.resolve("management/" + path))
                .header("X-Requested-By", "latchkey-test").header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static void check(String what, HttpResponse<String> response) {
        if (response.statusCode() >= 300 || !response.body().contains("\"exit_code\":\"SUCCESS\"")) {
            throw new IllegalStateException("REST " + what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The README's commands, word for word but for the port and values. */
    private void asadminSetup(Path log, Map<String, String> pool, Map<String, String> properties, Path war, int mailPort)
            throws IOException, InterruptedException {
        String port = String.valueOf(admin.getPort());
        asadmin(log, "--port", port, "create-jdbc-connection-pool", "--datasourceclassname", pool.get("datasourceClassname"),
                "--restype", "javax.sql.DataSource", "--isconnectvalidatereq", "true", "--validationmethod",
                pool.get("connectionValidationMethod"), "--property", pool.get("property"), "latchkey-pool");
        asadmin(log, "--port", port, "create-jdbc-resource", "--connectionpoolid", "latchkey-pool", "jdbc/latchkey");
        if (mailPort > 0) {
            asadmin(log, "--port", port, "create-javamail-resource", "--mailhost", "127.0.0.1", "--mailuser", "latchkey",
                    "--fromaddress", "no-reply@example.test", "--property", "mail.smtp.port=" + mailPort, "mail/latchkey");
        }
        asadmin(log, "--port", port, "create-system-properties", properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace(":", "\\:")).collect(Collectors.joining(":")));
        asadmin(log, "--port", port, "deploy", "--contextroot", "/", "--name", "latchkey", war.toString());
    }

    /**
     * The README's redeploy of a new build: undeploy, deploy, restart the domain. (Without the restart, Payara Server
     * 6.2025.9 went on calling the previous deployment's authentication mechanism for {@code /} now and then, and
     * signed-in requests answered 500.)
     */
    public void redeploy() throws IOException, InterruptedException {
        Path war = Path.of(System.getProperty("latchkey.war", "target/latchkey.war")).toAbsolutePath();
        Path log = domains.resolveSibling("redeploy.log");
        String port = String.valueOf(admin.getPort());
        asadmin(log, "--port", port, "undeploy", "latchkey");
        asadmin(log, "--port", port, "deploy", "--contextroot", "/", "--name", "latchkey", war.toString());
        asadmin(log, "restart-domain", "--domaindir", domains.toString(), DOMAIN);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(base.resolve("login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // restarting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("no 200 from /login within 120 s of the restart; see " + logFile());
    }

    private void asadmin(Path log, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString()));
        command.addAll(List.of(arguments));
        run(command, log, java);
    }

    private static void run(List<String> command, Path log, String java) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (java != null) {
            builder.environment().put("AS_JAVA", java);
            builder.environment().put("JAVA_HOME", java);
        }
        if (log != null) {
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        } else {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        Process process = builder.start();
        if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed" + (log == null ? "" : "; see " + log));
        }
    }

    /** Payara Server 6 runs on JDK 17: {@code -Dlatchkey.payaraServer.java}, else Debian's JDK 17, else this JVM's. */
    private static String javaHome() {
        String configured = System.getProperty("latchkey.payaraServer.java", "");
        if (!configured.isBlank()) {
            return configured;
        }
        Path debian = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        return Files.isExecutable(debian.resolve("bin/java")) ? debian.toString() : System.getProperty("java.home");
    }

    private static String env(String name) {
        return System.getenv(name).replace(":", "\\:");
    }

    /** A base whose +48 (admin), +80 (http) and the other ports a domain opens are all free, and stay so. */
    private static int portBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            // below Linux's ephemeral range (32768+): there, an outgoing connection (a pool's JDBC socket, a test
            // client) could hold one of the domain's ports while restart-domain rebinds them ("Address already in use")
            int base = ThreadLocalRandom.current().nextInt(120, 320) * 100;
            boolean free = true;
            for (int offset : new int[] {48, 80, 81, 76, 37, 38, 39, 86, 66, 9}) {
                try (ServerSocket socket = new ServerSocket(base + offset)) {
                    socket.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IOException("no free port base");
    }

    public URI base() {
        return base;
    }

    /** From create-domain to the first 200 from /login. */
    public Duration startup() {
        return startup;
    }

    /** From the first configuration call (pool, resource, properties, deploy) to the first 200. */
    public Duration deployment() {
        return deployment;
    }

    public Path logFile() {
        return domains.resolve(DOMAIN).resolve("logs/server.log");
    }

    public String log() throws IOException {
        return Files.readString(logFile());
    }

    /** Resident memory of the domain's JVM in MiB. */
    public long residentMiB() throws IOException {
        String pid = Files.readString(domains.resolve(DOMAIN).resolve("config/pid")).strip();
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            asadmin(null, "stop-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (IOException | IllegalStateException e) {
            System.err.println("stop-domain failed: " + e.getMessage());
        }
    }
}
