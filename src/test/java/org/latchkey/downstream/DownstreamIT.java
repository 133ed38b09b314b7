package org.latchkey.downstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.AttackCorpus;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.DjangoDownstream;
import org.latchkey.support.DownstreamWar;
import org.latchkey.support.PayaraMicroProcess;
import org.latchkey.token.SimplejwtInteropTest;
import org.latchkey.token.TestKeys;

/**
 * Latchkey and the services that trust it, each on its own server: a Jakarta EE service made only of the consumer
 * jar and two servlets on a second Payara Micro, and the article's Django stack validating the same cookie.
 */
class DownstreamIT {

    static final String ACCESS = "latchkey.access";
    static final String KEY = TestKeys.random();
    static PayaraMicroProcess latchkey;
    static PayaraMicroProcess app;
    static DjangoDownstream django;
    static URI djangoBase;

    @BeforeAll
    static void startServices() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        latchkey = PayaraMicroProcess.start("downstream-latchkey", Files.createTempDirectory(testDir, "downstream-data"),
                Map.of("JWT_SIGNING_KEY", KEY, "latchkey.cookie.secure", "false", "latchkey.password.bcrypt-cost", "8",
                        "latchkey.jwt.access-lifetime", "PT3S", "latchkey.jwt.leeway", "PT0S",
                        "latchkey.redirect.allowed-hosts", "localhost"));
        Path war = DownstreamWar.export(testDir.resolve("downstream.war"));
        app = PayaraMicroProcess.startApp("downstream-app", war, "public", Map.of("JWT_SIGNING_KEY", KEY,
                "latchkey.login-url", latchkey.base() + "login", "latchkey.jwt.leeway", "PT0S", "latchkey.cookie.secure", "false"));
        django = DjangoDownstream.start(testDir.resolve("django.log"), KEY, ACCESS);
        djangoBase = django.base();
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (django != null) {
            django.close();
        }
        if (app != null) {
            app.close();
        }
        if (latchkey != null) {
            latchkey.close();
        }
    }

    private static Browser signedIn() throws Exception {
        Browser browser = new Browser(latchkey.base());
        String email = Accounts.newEmail();
        assertEquals(302, Accounts.register(browser, email, null).status());
        assertEquals(302, Accounts.login(browser, email, Accounts.PASSWORD, null).status());
        return browser;
    }

    @Test
    void theConsumerJarHoldsTheConsumerPackageOnly() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(
                System.getProperty("latchkey.consumerJar", "target/latchkey-consumer.jar"))) {
            List<String> classes = jar.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".class")).toList();
            assertTrue(classes.contains("org/latchkey/consumer/TokenAuthenticationMechanism.class"));
            assertEquals(List.of(), classes.stream().filter(n -> !n.startsWith("org/latchkey/consumer/")).toList());
        }
    }

    @Test
    void publicPagesAreNeverBlockedAndProtectedOnesRefuseCleanly() throws Exception {
        Browser anonymous = new Browser(app.base());
        assertEquals("anonymous", anonymous.get("public").body());
        Page json = anonymous.get("whoami");
        assertEquals(401, json.status());
        assertEquals("Bearer realm=\"latchkey\"", json.header("WWW-Authenticate").orElse(""));
        assertEquals("not_authenticated", JsonUtil.parseJson(json.body()).get("code"));

        Page navigation = new Browser(app.base()).header("Accept", "text/html,application/xhtml+xml").get("whoami?tab=2");
        assertEquals(302, navigation.status());
        assertEquals(latchkey.base() + "login?next=" + URLEncoder.encode(app.base() + "whoami?tab=2", StandardCharsets.UTF_8),
                navigation.location(), "to Latchkey with the absolute original URL");

        for (String value : List.of("garbage", "a.b.c", "....", "x".repeat(3000), "eyJhbGciOiJub25lIn0.e30.",
                "%00%ff", "\"quoted\"")) {
            Browser attacker = new Browser(app.base());
            attacker.setCookie(ACCESS, value);
            assertEquals("anonymous", attacker.get("public").body(), "a bad cookie never blocks a public page");
            Page refused = attacker.get("whoami");
            assertEquals(401, refused.status(), value);
            assertTrue(refused.header("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
            assertEquals(302, attacker.header("Accept", "text/html").get("whoami").status());
        }
        Page bearer = new Browser(app.base()).header("Authorization", "Bearer " + "y".repeat(6000)).get("whoami");
        assertEquals(401, bearer.status());
    }

    @Test
    void theSecondServiceKnowsThePersonAndFollowsThemThroughExpiryAndLogout() throws Exception {
        Browser browser = signedIn().header("Accept", "text/html");
        String firstAccess = browser.cookie(ACCESS).orElseThrow();
        Map<String, Object> me = JsonUtil.parseJson(browser.get(app.base() + "whoami").body());
        assertEquals(me.get("uuid"), me.get("principal"), "principal = user_uuid");
        assertEquals("Ada", me.get("first_name"));
        assertEquals("Lovelace", me.get("last_name"));
        assertEquals(Boolean.TRUE, me.get("in_role_user"));
        assertEquals(Boolean.FALSE, me.get("in_role_superuser"));
        assertTrue(browser.get(app.base() + "public").body().startsWith("signed in as p"));

        HttpResponse<String> viaBearer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(app.base().resolve("whoami"))
                .header("Authorization", "Bearer " + firstAccess).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, viaBearer.statusCode(), "an Authorization: Bearer header works too");

        Thread.sleep(4_000); // past the test's 3-second access lifetime
        Page expired = browser.get(app.base() + "whoami");
        assertEquals(302, expired.status(), "an expired token is refused downstream");
        Page refresh = browser.get(expired.location());
        assertEquals(302, refresh.status(), "silent refresh at Latchkey, no form");
        assertEquals(app.base() + "whoami", refresh.location(), "straight back to the service");
        assertNotEquals(firstAccess, browser.cookie(ACCESS).orElseThrow());
        Page again = browser.get(refresh.location());
        assertEquals(200, again.status());
        assertEquals(me.get("uuid"), JsonUtil.parseJson(again.body()).get("uuid"));

        Page logout = browser.get(latchkey.base() + "logout");
        browser.submit(logout, "logout_form", Map.of(), "logout");
        Page afterLogout = browser.get(app.base() + "whoami");
        assertEquals(302, afterLogout.status());
        assertTrue(afterLogout.location().startsWith(latchkey.base() + "login?next="));
        Page loginForm = browser.get(afterLogout.location());
        assertEquals(200, loginForm.status(), "after logout Latchkey asks for the password again");
    }

    @Test
    void theAttackCorpusIsRefusedByLatchkeyAndByTheConsumer() throws Exception {
        Browser victim = signedIn();
        Map<String, String> corpus = AttackCorpus.build(victim.cookie(ACCESS).orElseThrow(),
                victim.cookie("latchkey.refresh").orElseThrow(), KEY.getBytes(StandardCharsets.UTF_8));
        List<String> accepted = new java.util.ArrayList<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        for (Map.Entry<String, String> attack : corpus.entrySet()) {
            for (String cookieHeader : List.of(ACCESS + "=" + attack.getValue(),
                    ACCESS + "=" + attack.getValue() + "; " + ACCESS + "=" + victim.cookie(ACCESS).orElseThrow())) {
                int atLatchkey = status(client, latchkey.base().resolve("account"), "Cookie", cookieHeader);
                int atService = status(client, app.base().resolve("whoami"), "Cookie", cookieHeader);
                if (!(atLatchkey == 302 || tooLarge(atLatchkey)) || !(atService == 401 || tooLarge(atService))) {
                    accepted.add(attack.getKey() + (cookieHeader.contains("; ") ? " (duplicated)" : "") + ": Latchkey "
                            + atLatchkey + ", service " + atService);
                }
            }
            int bearer = status(client, app.base().resolve("whoami"), "Authorization", "Bearer " + attack.getValue());
            if (bearer != 401 && !tooLarge(bearer)) {
                accepted.add(attack.getKey() + " as Bearer: " + bearer);
            }
        }
        assertEquals(List.of(), accepted, "every attack refused (302 to login / 401, or the container's 4xx for a"
                + " 100 KB header), never a 5xx");
        assertEquals(302, status(client, latchkey.base().resolve("account"), "Cookie", ACCESS + "="), "empty cookie");
        assertEquals(200, status(client, latchkey.base().resolve("account"), "Cookie", ACCESS + "=" + victim.cookie(ACCESS).orElseThrow()),
                "the genuine token still works: the corpus failed for the right reasons");
    }

    /** The container's own refusal of a header over its size limit (the 100 KB token), before any of our code. */
    private static boolean tooLarge(int status) {
        return status == 400 || status == 413 || status == 431;
    }

    private static int status(HttpClient client, URI uri, String header, String value) throws Exception {
        try {
            return client.send(HttpRequest.newBuilder(uri).header(header, value).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 431; // the container closed the connection on an oversized header: refused before us
        }
    }

    @Test
    void tokensMintedByTheArticlesDjangoServiceAreAccepted() throws Exception {
        Map<String, Object> claims = Map.of("user_id", 12, "user_uuid", "c7b5a0a8-7c1d-4a47-8a52-0f8f7a1e9d10",
                "user_email", "linus@example.test", "user_is_staff", true, "user_is_superuser", false,
                "user_first_name", "Linus", "user_last_name", "Pauling");
        Map<String, Object> minted = SimplejwtInteropTest.run(Map.of("key", KEY, "mint", claims), 0);
        Browser browser = new Browser(app.base());
        browser.setCookie(ACCESS, (String) minted.get("access"));
        Page page = browser.get("whoami");
        assertEquals(200, page.status(), page.body());
        Map<String, Object> me = JsonUtil.parseJson(page.body());
        assertEquals("12", me.get("user_id"));
        assertEquals("c7b5a0a8-7c1d-4a47-8a52-0f8f7a1e9d10", me.get("principal"));
        assertEquals(Boolean.TRUE, me.get("staff"));
        browser.setCookie(ACCESS, (String) minted.get("refresh"));
        assertEquals(401, browser.get("whoami").status(), "a refresh token is not an access token");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theArticlesDjangoMiddlewareAcceptsLatchkeysCookie() throws Exception {
        Browser browser = signedIn();
        String access = browser.cookie(ACCESS).orElseThrow();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(djangoBase.resolve("whoami"))
                .header("Cookie", ACCESS + "=" + access).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> body = JsonUtil.parseJson(response.body());
        Map<String, Object> claims = (Map<String, Object>) body.get("claims");
        Map<String, Object> types = (Map<String, Object>) body.get("types");
        assertEquals("access", claims.get("token_type"));
        assertEquals("Ada", claims.get("user_first_name"));
        assertEquals("Lovelace", claims.get("user_last_name"));
        assertTrue(((String) claims.get("user_email")).endsWith("@example.test"));
        assertEquals(Boolean.FALSE, claims.get("user_is_staff"));
        assertEquals("int", types.get("user_id"));
        assertEquals("bool", types.get("user_is_superuser"));
        assertEquals("str", types.get("user_uuid"));
        HttpResponse<String> forged = client.send(HttpRequest.newBuilder(djangoBase.resolve("whoami"))
                .header("Cookie", ACCESS + "=" + access.substring(0, access.length() - 4) + "AAAA").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, forged.statusCode());
    }
}
