package org.latchkey.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.LoadBalancer;
import org.latchkey.support.PayaraMicroProcess;

/**
 * Two Payara Micro instances on one PostgreSQL behind HAProxy, as the README's "Running more than one instance" sets
 * them up: what one instance does, the other knows at once — sessions, reuse detection, deactivation, throttle
 * counts — and killing one in the middle of a burst loses nothing that was confirmed. Needs PostgreSQL (the CI's
 * second round); on the embedded H2 default there is no database two processes can share.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String ADMIN_EMAIL = "cluster-admin@example.test";
    static final String ADMIN_PASSWORD = "cluster-admin-lantern-42";
    static PayaraMicroProcess first;
    static PayaraMicroProcess second;
    static LoadBalancer balancer;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(System.getenv("LATCHKEY_DB_HOST") != null,
                "two instances need a database they can share: set LATCHKEY_DB_* (PostgreSQL)");
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        byte[] key = new byte[66];
        new SecureRandom().nextBytes(key);
        Map<String, String> settings = ThrottleIT.settings(); // must match on every instance: the key above all
        settings.putAll(Map.of("JWT_SIGNING_KEY", Base64.getEncoder().encodeToString(key),
                "latchkey.session.refresh-grace", "PT1S", "latchkey.admin.email", ADMIN_EMAIL,
                "latchkey.admin.password", ADMIN_PASSWORD));
        first = PayaraMicroProcess.start("cluster-1", Files.createTempDirectory(testDir, "cluster-1"), settings);
        second = PayaraMicroProcess.start("cluster-2", Files.createTempDirectory(testDir, "cluster-2"), settings);
        balancer = LoadBalancer.start("cluster", List.of(first.base(), second.base()));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable process : new AutoCloseable[] {balancer, first, second}) {
            if (process != null) {
                process.close();
            }
        }
    }

    record Answer(int status, JsonObject json) {
        String get(String field) {
            return json.getString(field);
        }
    }

    /** Each from an address of its own (see {@link ThrottleIT#newAddress}), which the balancer's line follows. */
    static Answer post(URI base, String path, String body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .header("X-Forwarded-For", ThrottleIT.newAddress())
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonObject json = response.body().startsWith("{")
                ? Json.createReader(new StringReader(response.body())).readObject() : JsonObject.EMPTY_JSON_OBJECT;
        return new Answer(response.statusCode(), json);
    }

    static Answer token(URI base, String email, String password) throws IOException, InterruptedException {
        return post(base, "api/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
    }

    static Answer refresh(URI base, String refresh) throws IOException, InterruptedException {
        return post(base, "api/token/refresh", "{\"refresh\":\"" + refresh + "\"}", null);
    }

    static Answer register(URI base, String email) throws IOException, InterruptedException {
        return post(base, "api/users", "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + email
                + "\",\"password\":\"" + Accounts.PASSWORD + "\"}", null);
    }

    static Answer me(URI base, String access) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("api/me"))
                .header("X-Forwarded-For", ThrottleIT.newAddress()).header("Authorization", "Bearer " + access).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), Json.createReader(new StringReader(response.body())).readObject());
    }

    static String account() throws Exception {
        String email = Accounts.newEmail();
        assertEquals(201, register(first.base(), email).status());
        return email;
    }

    @Test
    @Order(1)
    void aSignInOnOneRefreshesOnTheOtherAndReuseIsCaughtAcrossThem() throws Exception {
        String email = account();
        Answer pair = token(first.base(), email, Accounts.PASSWORD);
        assertEquals(200, pair.status());
        assertEquals(200, me(second.base(), pair.get("access")).status(), "the other instance takes its access token");
        Answer rotated = refresh(second.base(), pair.get("refresh"));
        assertEquals(200, rotated.status(), "and rotates its refresh token");
        Thread.sleep(2500); // past the grace window (PT1S), which is measured in whole seconds
        assertEquals(401, refresh(first.base(), pair.get("refresh")).status(), "the retired token replayed on the first");
        assertEquals(401, refresh(second.base(), rotated.get("refresh")).status(),
                "revoked the whole family, the successor the other instance issued included");
    }

    @Test
    @Order(2)
    void aDeactivationOnOneIsRefusedAtOnceThereAndWithinASecondOnTheOther() throws Exception {
        String email = account();
        Answer pair = token(second.base(), email, Accounts.PASSWORD);
        Answer before = me(second.base(), pair.get("access"));
        assertEquals(200, before.status());
        String uuid = before.get("user_uuid");

        Browser admin = ThrottleIT.browser(first.base());
        assertEquals(302, Accounts.login(admin, ADMIN_EMAIL, ADMIN_PASSWORD, null).status());
        Browser.Page users = admin.get("admin/users?q=" + email); // the admin page shows 50 at a time
        Element button = users.document().selectFirst("tr[data-uuid=" + uuid + "] input.deactivate");
        assertTrue(button != null, users.body());
        Browser.Page done = admin.submit(users, "users_form", Map.of(), button.attr("name"));
        assertTrue(done.messages().contains("The account was deactivated and signed out everywhere."), done.body());

        long changed = System.nanoTime();
        assertEquals(401, me(first.base(), pair.get("access")).status(), "refused at once on the instance that did it");
        int status;
        while ((status = me(second.base(), pair.get("access")).status()) != 401
                && System.nanoTime() - changed < TimeUnit.SECONDS.toNanos(5)) {
            Thread.sleep(20);
        }
        System.out.printf("FIGURES a deactivation on one instance was refused on the other after %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changed));
        assertEquals(401, status, "refused on the other instance once it has read the change (each second)");
        assertEquals(401, refresh(second.base(), pair.get("refresh")).status());
        assertEquals(401, token(second.base(), email, Accounts.PASSWORD).status());
    }

    @Test
    @Order(3)
    void anAttackerAlternatingInstancesGetsNoMoreGuessesThanAgainstOne() throws Exception {
        String email = account();
        int checked = 0;
        int waited = 0;
        for (int i = 0; i < 3 * ThrottleIT.ACCOUNT_FAILURES; i++) {
            int status = token(i % 2 == 0 ? first.base() : second.base(), email, "guess-" + i).status();
            checked += status == 401 ? 1 : 0;
            waited += status == 429 ? 1 : 0;
        }
        assertEquals(ThrottleIT.ACCOUNT_FAILURES, checked, "one budget for both instances");
        assertEquals(2 * ThrottleIT.ACCOUNT_FAILURES, waited);
        assertEquals(429, token(second.base(), email, Accounts.PASSWORD).status());
        assertEquals(429, token(first.base(), email, Accounts.PASSWORD).status());
    }

    @Test
    @Order(4)
    void signInsPerSecondOfThePairAndOfOneInstance() throws Exception {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            emails.add(account());
        }
        double one = signInsPerSecond(first.base(), emails);
        double pair = signInsPerSecond(balancer.base(), emails);
        System.out.printf("FIGURES sign-ins/s (POST /api/token, bcrypt cost 8, 8 clients, 5 s, one 2-core machine):"
                + " one instance %.0f, the pair behind HAProxy %.0f (%.2f×)%n", one, pair, pair / one);
        assertTrue(pair > 0 && one > 0);
    }

    private static double signInsPerSecond(URI base, List<String> emails) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(emails.size());
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        long started = System.nanoTime();
        for (String email : emails) {
            pool.submit(() -> {
                while (running.get()) {
                    try {
                        statuses.add(token(base, email, Accounts.PASSWORD).status());
                    } catch (IOException | InterruptedException e) {
                        statuses.add(-1);
                    }
                }
            });
        }
        Thread.sleep(5000);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(30, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(statuses.stream().allMatch(s -> s == 200), "every sign-in succeeded: " + statuses.stream().distinct().toList());
        return statuses.size() / seconds;
    }

    /** One answer of the burst: when its request began (ns since the kill, negative before), what it got. */
    record Outcome(long sentAfterKillNanos, String email, String kind, int status) {
    }

    @Test
    @Order(5)
    void killingOneInstanceInTheMiddleOfABurstLosesNoConfirmedRegistration() throws Exception {
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicLong killedAt = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                while (running.get()) {
                    String email = Accounts.newEmail();
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = register(balancer.base(), email).status();
                    } catch (IOException | InterruptedException e) {
                        status = -1; // no answer at all
                    }
                    outcomes.add(new Outcome(sent - killedAt.get(), email, "register", status));
                    if (status == 201) {
                        sent = System.nanoTime();
                        try {
                            status = token(balancer.base(), email, Accounts.PASSWORD).status();
                        } catch (IOException | InterruptedException e) {
                            status = -1;
                        }
                        outcomes.add(new Outcome(sent - killedAt.get(), email, "login", status));
                    }
                }
            });
        }
        Thread.sleep(3000);
        killedAt.set(System.nanoTime());
        second.kill();
        Thread.sleep(6000);
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);

        long noticed = TimeUnit.SECONDS.toNanos(2); // two failed checks half a second apart, and then some
        List<Outcome> failedAfter = outcomes.stream()
                .filter(o -> o.sentAfterKillNanos() > noticed && (o.status() >= 500 || o.status() < 0)).toList();
        List<Outcome> failedAround = outcomes.stream()
                .filter(o -> o.sentAfterKillNanos() > -noticed && o.sentAfterKillNanos() <= noticed
                        && (o.status() >= 500 || o.status() < 0)).toList();
        long before = outcomes.stream().filter(o -> o.sentAfterKillNanos() < 0).count();
        long after = outcomes.stream().filter(o -> o.sentAfterKillNanos() > noticed).count();
        System.out.printf("FIGURES kill -9 of one of two instances: %d requests before, %d more than 2 s after (none"
                + " failed: %s), %d failed in the moment of the kill (requests in flight on the killed instance)%n",
                before, after, failedAfter.isEmpty(), failedAround.size());
        assertTrue(before > 0 && after > 0, "the burst ran on both sides of the kill");
        assertEquals(List.of(), failedAfter, "no 5xx and no unanswered request once the balancer noticed");

        List<String> confirmed = outcomes.stream().filter(o -> o.kind().equals("register") && o.status() == 201)
                .map(Outcome::email).toList();
        List<String> lost = new ArrayList<>();
        for (String email : confirmed) {
            int status = token(first.base(), email, Accounts.PASSWORD).status();
            if (status != 200) {
                lost.add(email + " " + status);
            }
        }
        assertEquals(List.of(), lost, "every registration answered 201 signs in on the surviving instance ("
                + confirmed.size() + " checked)");
    }
}
