package org.latchkey.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.DownstreamWar;
import org.latchkey.support.PayaraMicroProcess;
import org.latchkey.token.TestKeys;

/**
 * Asymmetric keys end to end: Latchkey signs with RS256 and publishes its key; a service built from the consumer
 * jar and one that only speaks MicroProfile JWT verify with nothing but the JWKS URL. Then the signing key is
 * rotated (a restart with a new key, the old public key kept): nobody is logged out.
 */
class KeyRotationIT {

    static final String ISSUER = "https://auth.example.test";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void servicesTrustThePublishedKeysAndARotationLogsNobodyOut() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        Path data = Files.createTempDirectory(testDir, "rotation-data");
        String pairA = TestKeys.keyPairPem("RS256");
        Path keyA = Files.writeString(data.resolve("key-a.pem"), pairA);
        Path publicA = Files.writeString(data.resolve("key-a.pub.pem"), TestKeys.publicPem(pairA, "RS256"));
        Path keyB = Files.writeString(data.resolve("key-b.pem"), TestKeys.keyPairPem("RS256"));
        int port = PayaraMicroProcess.reservePort();
        Map<String, String> settings = new HashMap<>(Map.of("latchkey.cookie.secure", "false",
                "latchkey.password.bcrypt-cost", "8", "latchkey.jwt.algorithm", "RS256", "latchkey.jwt.issuer", ISSUER,
                "latchkey.jwt.mp-claims", "true", "latchkey.jwt.private-key-file", keyA.toString()));

        PayaraMicroProcess latchkey = PayaraMicroProcess.start("rotation-latchkey", data, settings, port);
        PayaraMicroProcess app = null;
        PayaraMicroProcess mp = null;
        try {
            URI jwks = latchkey.base().resolve(".well-known/jwks.json");
            String kidA = kids(jwks);
            app = PayaraMicroProcess.startApp("rotation-app", DownstreamWar.export(testDir.resolve("rotation-app.war")),
                    "public", Map.of("latchkey.jwks-url", jwks.toString(), "latchkey.jwt.algorithms", "RS256",
                            "latchkey.jwks.min-refresh", "PT1S", "latchkey.jwt.issuer", ISSUER,
                            "latchkey.cookie.secure", "false"));
            mp = PayaraMicroProcess.startApp("rotation-mp", DownstreamWar.exportMpJwt(testDir.resolve("rotation-mp.war")),
                    "api/ping", Map.of("mp.jwt.verify.publickey.location", jwks.toString(),
                            "mp.jwt.verify.issuer", ISSUER, "mp.jwt.verify.publickey.algorithm", "RS256"));

            Browser person = new Browser(latchkey.base());
            String email = Accounts.newEmail();
            assertEquals(302, Accounts.register(person, email, null).status());
            assertEquals(302, Accounts.login(person, email, Accounts.PASSWORD, null).status());
            String accessA = person.cookie("latchkey.access").orElseThrow();
            assertTrue(header(accessA).contains("\"kid\":\"" + kidA + "\""), header(accessA));
            String uuid = whoami(app, accessA);

            HttpResponse<String> mpMe = bearer(mp.base().resolve("api/me"), accessA);
            assertEquals(200, mpMe.statusCode(), "MicroProfile JWT accepts the Latchkey token: " + mpMe.body());
            assertEquals(email + " " + uuid + " user", mpMe.body(), "upn, sub and groups");
            String forged = TestKeys.forgeRs256(accessA, TestKeys.keyPairPem("RS256"));
            assertEquals(401, bearer(mp.base().resolve("api/me"), forged).statusCode(), "a token signed by another key");
            assertEquals(401, bearer(app.base().resolve("whoami"), forged).statusCode());

            // rotation: the new key signs, the old public key still verifies — the same server address and data
            latchkey.close();
            settings.put("latchkey.jwt.private-key-file", keyB.toString());
            settings.put("latchkey.jwt.previous-public-keys", publicA.toString());
            latchkey = PayaraMicroProcess.start("rotation-latchkey-rotated", data, settings, port);
            String published = kids(jwks);
            assertTrue(published.contains(kidA) && published.split(",").length == 2, "both keys published: " + published);

            assertEquals(uuid, whoami(app, accessA), "the access cookie from before the rotation still works downstream");
            assertEquals(200, person.get("account").status(), "and at Latchkey");
            Page refreshed = person.get("login?next=/account");
            assertEquals(302, refreshed.status(), "the refresh token from before the rotation still refreshes");
            String accessB = person.cookie("latchkey.access").orElseThrow();
            assertNotEquals(accessA, accessB);
            assertTrue(!header(accessB).contains(kidA), "the new token is signed with the new key: " + header(accessB));
            assertEquals(uuid, whoami(app, accessB), "the consumer fetched the key set again for the new kid");
            System.out.printf("FIGURES rotation: kids before %s, after %s%n", kidA, published);
        } finally {
            for (PayaraMicroProcess server : new PayaraMicroProcess[] {mp, app, latchkey}) {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    private static String whoami(PayaraMicroProcess app, String access) throws Exception {
        HttpResponse<String> response = bearer(app.base().resolve("whoami"), access);
        assertEquals(200, response.statusCode(), response.body());
        return jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject().getString("uuid");
    }

    private static HttpResponse<String> bearer(URI uri, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The kids the JWKS publishes, comma-separated. */
    private static String kids(URI jwks) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(jwks).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return String.join(",", jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject()
                .getJsonArray("keys").stream().map(k -> k.asJsonObject().getString("kid")).toList());
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
    }
}
