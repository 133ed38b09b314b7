package org.latchkey.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's HAProxy in front of Latchkey instances, set up as the README's "Running more than one instance" says:
 * round robin, health checks on {@code /health/ready} every half second plus passive ones (a refused connection
 * marks the instance down at once), a refused connection retried on the other instance, {@code X-Forwarded-For}
 * appended, and a cookie that keeps a browser's Faces session on one instance.
 */
public final class LoadBalancer implements AutoCloseable {

    private final Process process;
    private final URI base;
    private final Path log;

    private LoadBalancer(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    public static LoadBalancer start(String name, List<URI> instances) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StringBuilder config = new StringBuilder("""
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure
                    option forwardfor
                frontend latchkey
                    bind 127.0.0.1:%d
                    default_backend instances
                backend instances
                    balance roundrobin
                    cookie LB insert indirect nocache httponly
                    option httpchk GET /health/ready
                    http-check expect status 200
                """.formatted(port));
        for (int i = 0; i < instances.size(); i++) {
            URI instance = instances.get(i);
            config.append("    server i").append(i).append(' ').append(instance.getHost()).append(':').append(instance.getPort())
                    .append(" cookie i").append(i)
                    .append(" check inter 500 fall 2 rise 2 observe layer4 error-limit 1 on-error mark-down\n");
        }
        Path file = dir.resolve(name + "-haproxy.cfg");
        Files.writeString(file, config);
        Path log = dir.resolve(name + "-haproxy.log");
        Process process = new ProcessBuilder("/usr/sbin/haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new LoadBalancer(process, URI.create("http://127.0.0.1:" + port + "/"), log);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("haproxy did not listen on " + port + ": " + Files.readString(log));
    }

    public URI base() {
        return base;
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
