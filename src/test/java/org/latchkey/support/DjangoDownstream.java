package org.latchkey.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A downstream Django service as the article's part two writes it (src/test/python/django_downstream.py, Debian's
 * Django and simplejwt under /usr/bin/python3): it reads the access cookie {@code cookie} with the shared key and
 * answers {@code GET whoami} with the token's claims.
 */
public record DjangoDownstream(Process process, URI base) implements AutoCloseable {

    public static DjangoDownstream start(Path log, String key, String cookie) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "src/test/python/django_downstream.py",
                String.valueOf(port)).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JWT_SIGNING_KEY", key);
        builder.environment().put("LATCHKEY_COOKIE", cookie);
        Process process = builder.start();
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < 100; i++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Django exited; see " + log);
            }
            try {
                if (client.send(HttpRequest.newBuilder(base.resolve("health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new DjangoDownstream(process, base);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Django did not start; see " + log);
    }

    /** {@code GET whoami} with the access cookie: the status and the body. */
    public HttpResponse<String> whoami(String cookie, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("whoami"))
                .header("Cookie", cookie + "=" + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        process.destroy();
    }
}
