package org.latchkey.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.PayaraMicroProcess;
import org.latchkey.support.TcpProxy;

/**
 * The database goes away under a running Latchkey and comes back. Latchkey reaches it through a {@link TcpProxy}
 * that the test cuts: while it is cut, everything that needs the database answers 503 with a plain page (JSON for
 * JSON clients) and /health/ready says DOWN; once restored, the same server works again without a restart, and
 * nothing tried during the outage left anything behind. PostgreSQL when LATCHKEY_DB_HOST is set, otherwise H2 in
 * server mode (the embedded default cannot go away on its own).
 */
class StorageOutageIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void outageAnswers503AndLatchkeyRecoversWithoutRestart() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        Path data = Files.createTempDirectory(testDir, "outage-data");
        boolean postgres = System.getenv("LATCHKEY_DB_HOST") != null;
        Server h2 = postgres ? null
                : Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", data.toString()).start();
        try (TcpProxy proxy = postgres
                ? new TcpProxy(System.getenv("LATCHKEY_DB_HOST"), Integer.parseInt(System.getenv("LATCHKEY_DB_PORT")))
                : new TcpProxy("127.0.0.1", h2.getPort())) {
            Path postBoot = data.resolve("post-boot.asadmin");
            Files.writeString(postBoot, postBoot(postgres, proxy.port()));
            String metricsToken = org.latchkey.token.TestKeys.random();
            Map<String, String> settings = Map.of("latchkey.cookie.secure", "false", "latchkey.password.bcrypt-cost", "8",
                    "latchkey.metrics.token", metricsToken);
            try (PayaraMicroProcess server = PayaraMicroProcess.start("outage", data, postBoot, settings)) {
                URI base = server.base();
                String before = Accounts.newEmail();
                Browser signedIn = new Browser(base);
                assertEquals(302, Accounts.register(signedIn, before, null).status());
                assertEquals(302, Accounts.login(signedIn, before, Accounts.PASSWORD, null).status());
                assertEquals(200, signedIn.get("account").status());
                assertEquals(200, health(base).statusCode());

                proxy.cut();
                long cut = System.nanoTime();
                assertUnavailable(Accounts.login(new Browser(base), before, Accounts.PASSWORD, null), "a login");
                String during = Accounts.newEmail();
                assertUnavailable(Accounts.register(new Browser(base), during, null), "a registration");
                // the signed-in person's standing is kept in memory until the first failed look at the changes (each
                // second) empties it: from then on their requests need the database too
                Browser.Page account = signedIn.get("account");
                while (account.status() == 200 && System.nanoTime() - cut < 5_000_000_000L) {
                    Thread.sleep(100);
                    account = signedIn.get("account");
                }
                assertUnavailable(account, "the account page of a signed-in person, once the standings are forgotten");
                HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(base.resolve("account"))
                        .header("Accept", "application/json").header("Cookie", "latchkey.access="
                                + signedIn.cookie("latchkey.access").orElseThrow()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(503, json.statusCode());
                assertEquals("storage_unavailable", jsonCode(json.body()), json.body());
                HttpResponse<String> down = health(base);
                assertEquals(503, down.statusCode(), down.body());
                assertTrue(down.body().contains("DOWN"), down.body());
                System.out.printf("FIGURES outage: 503s and DOWN within %d ms of the cut%n", (System.nanoTime() - cut) / 1_000_000);
                HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(base.resolve("metrics"))
                        .header("Authorization", "Bearer " + metricsToken).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, metrics.statusCode(), "the monitoring still reads the counts: " + metrics.body());
                assertTrue(metrics.body().contains("latchkey_active_sign_ins NaN"), "no value while the database is away");
                assertTrue(metrics.body().contains("latchkey_sign_ins_total{outcome=\"ok\"} 1.0"), metrics.body());

                proxy.restore();
                long restored = System.nanoTime();
                while (health(base).statusCode() != 200) {
                    assertTrue(System.nanoTime() - restored < 60_000_000_000L, "ready again within 60 s");
                    Thread.sleep(250);
                }
                System.out.printf("FIGURES outage: ready %d ms after the database came back%n",
                        (System.nanoTime() - restored) / 1_000_000);
                assertEquals(200, signedIn.get("account").status(), "the signed-in person's page works again");
                assertEquals(302, Accounts.login(new Browser(base), before, Accounts.PASSWORD, null).status());
                assertEquals(302, Accounts.register(new Browser(base), during, null).status(),
                        "the registration tried during the outage left nothing half-made");
                assertEquals(302, Accounts.login(new Browser(base), during, Accounts.PASSWORD, null).status());
                assertFalse(server.log().contains("StackOverflowError"));
            }
        } finally {
            if (h2 != null) {
                h2.stop();
            }
        }
    }

    private static void assertUnavailable(Browser.Page page, String what) {
        assertEquals(503, page.status(), what + ": " + page.body());
        assertTrue(page.body().contains("cannot reach its database"), what + ": " + page.body());
        assertFalse(page.body().contains("Exception") || page.body().contains("at org."), what + " shows no stack trace");
        assertEquals("30", page.header("Retry-After").orElse(""), what);
        assertEquals("DENY", page.header("X-Frame-Options").orElse(""), what + " keeps the security headers");
        assertTrue(page.setCookies().isEmpty(), what + " sets no cookie: " + page.setCookies());
    }

    private static String jsonCode(String body) {
        return jakarta.json.Json.createReader(new java.io.StringReader(body)).readObject().getString("code");
    }

    private static HttpResponse<String> health(URI base) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/health/ready")).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The project's post-boot commands, pointed at the proxy. */
    private static String postBoot(boolean postgres, int port) {
        String pool = postgres
                ? "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource"
                  + " --isconnectvalidatereq true --validationmethod meta-data --property serverName=127.0.0.1:portNumber=" + port
                  + ":databaseName=${ENV=LATCHKEY_DB_NAME}:user=${ENV=LATCHKEY_DB_USER}:password=${ENV=LATCHKEY_DB_PASSWORD} latchkey-pool"
                : "create-jdbc-connection-pool --datasourceclassname org.h2.jdbcx.JdbcDataSource --restype javax.sql.DataSource"
                  + " --isconnectvalidatereq true --validationmethod auto-commit --property url=jdbc\\:h2\\:tcp\\://127.0.0.1\\:"
                  + port + "/latchkey:user=latchkey:password=latchkey latchkey-pool";
        return pool + "\ncreate-jdbc-resource --connectionpoolid latchkey-pool jdbc/latchkey\n";
    }
}
