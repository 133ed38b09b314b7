package org.latchkey.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.PayaraMicroProcess;

/**
 * The throttle as an attacker meets it, on one Payara Micro that believes {@code X-Forwarded-For} from loopback — so
 * each test plays clients at addresses of its own, and the proxy's appended line, as a real proxy would.
 */
class ThrottleIT {

    static final int ACCOUNT_FAILURES = 5;
    static final int CLIENT_FAILURES = 12;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static PayaraMicroProcess server;
    // the server keeps the production default (Secure cookies), so the names carry their prefixes
    static final String DEVICE = "__Host-latchkey.device";
    static final String ACCESS = "__Secure-latchkey.access";
    static final String REFRESH = "__Host-latchkey.refresh";

    @BeforeAll
    static void start() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        Map<String, String> settings = settings();
        // one bcrypt turn and one place in the queue, so a flood of a few dozen finds the bulkhead full
        settings.putAll(Map.of("latchkey.password.concurrency", "1", "latchkey.password.queue", "1"));
        server = PayaraMicroProcess.start("throttle", Files.createTempDirectory(testDir, "throttle-data"), settings);
    }

    /** Also the settings of the two-instance test. */
    static Map<String, String> settings() {
        return new java.util.HashMap<>(Map.of("latchkey.cookie.domain", "example.test", "latchkey.password.bcrypt-cost", "8",
                "latchkey.throttle.account-failures", String.valueOf(ACCOUNT_FAILURES),
                "latchkey.throttle.client-failures", String.valueOf(CLIENT_FAILURES),
                "latchkey.throttle.first-delay", "PT1S", "latchkey.throttle.max-delay", "PT8S",
                "latchkey.trusted-proxies", "127.0.0.0/8,::1", "latchkey.registration.email-verification", "off"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /**
     * A client address nobody else uses, in a /64 of its own (the throttle groups IPv6 by /64): every request of these
     * tests names one, because in a PostgreSQL run all test servers share one database and so the counts of the
     * loopback address that every other test uses.
     */
    static String newAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return String.format("2001:db8:%x:%x::1", random.nextInt(0x10000), random.nextInt(0x10000));
    }

    /** A browser the proxy sees at an address of its own. */
    static Browser browser(URI base) {
        return new Browser(base).header("X-Forwarded-For", newAddress());
    }

    static String account(URI base) throws Exception {
        String email = Accounts.newEmail();
        assertEquals(302, Accounts.register(browser(base), email, null).status());
        return email;
    }

    /** {@code POST /api/token} from a client the proxy saw at {@code forwardedFor} (one header line per entry). */
    static HttpResponse<String> token(URI base, String email, String password, String... forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("api/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        for (String line : forwardedFor) {
            request.header("X-Forwarded-For", line);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrowserThatSignedInBeforeGetsInWhileItsAccountAndItsAddressAreUnderAttack() throws Exception {
        URI base = server.base();
        String email = account(base);
        String office = newAddress();
        Browser owner = new Browser(base).header("X-Forwarded-For", office);
        Browser.Page before = Accounts.login(owner, email, Accounts.PASSWORD, null);
        assertEquals(302, before.status(), "a sign-in on this device before");
        assertTrue(owner.cookie(DEVICE).isPresent(), "which left a device cookie: " + before.headers());
        owner.dropCookie(ACCESS);
        owner.dropCookie(REFRESH);

        String colleague = account(base);
        // the attacker: first the account, from everywhere, until its wait is the cap; then the office address
        long accountWait = keepGuessing(() -> token(base, email, "guess", newAddress()), 8);
        long addressWait = keepGuessing(() -> token(base, Accounts.newEmail(), "guess", office), 4);
        System.out.printf("FIGURES under attack: the account waits %d s, the office address %d s%n", accountWait, addressWait);
        assertEquals(429, token(base, email, Accounts.PASSWORD, newAddress()).statusCode(),
                "the account waits for anyone without its device token, the right password too");
        assertEquals(429, token(base, colleague, Accounts.PASSWORD, office).statusCode(),
                "and the address waits for anyone without a device token");

        Browser.Page in = Accounts.login(owner, email, Accounts.PASSWORD, null);
        assertEquals(302, in.status(), "the owner's browser signs in: its own budget " + in.body());
        assertTrue(owner.cookie(ACCESS).isPresent());
        Browser stranger = new Browser(base).header("X-Forwarded-For", office);
        stranger.setCookie(DEVICE, owner.cookie(DEVICE).get());
        assertEquals(200, Accounts.login(stranger, colleague, Accounts.PASSWORD, null).status(),
                "a device token made for one account buys nothing for another");
    }

    /** Reset requests are counted per client address, as registrations are: each one may mail someone. */
    @Test
    void resetRequestsAreThrottledPerClientAddress() throws Exception {
        URI base = server.base();
        String flooder = newAddress();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= CLIENT_FAILURES; i++) {
            statuses.add(reset(base, Accounts.newEmail(), flooder).statusCode());
        }
        assertEquals(java.util.Collections.nCopies(CLIENT_FAILURES, 202), statuses.subList(0, CLIENT_FAILURES), statuses.toString());
        HttpResponse<String> waiting = reset(base, Accounts.newEmail(), flooder);
        assertEquals(429, waiting.statusCode(), waiting.body());
        assertTrue(waiting.body().contains("\"code\":\"throttled\"") && waiting.headers().firstValue("Retry-After").isPresent(),
                waiting.body());
        assertEquals(202, reset(base, Accounts.newEmail(), newAddress()).statusCode(), "another address is not held back");
        Browser form = new Browser(base).header("X-Forwarded-For", flooder);
        Browser.Page page = form.get("password-reset");
        Browser.Page said = form.submit(page, "reset_form", Map.of("email", Accounts.newEmail()), "send");
        assertEquals(200, said.status());
        assertTrue(said.messages().get(0).startsWith("Too many reset requests from your address. Please wait"),
                said.messages().toString());
    }

    static HttpResponse<String> reset(URI base, String email, String forwardedFor) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("api/password-reset")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Launch day at an office behind one address: 200 people sign in from new browsers (no device cookie), every
     * other one with a typo first — 100 typos, eight times the address's budget here — and every one of them gets in:
     * each person who signs in earns the address room for two typos. Then a spray from another address with no
     * success is held back after its budget.
     */
    @Test
    void anOfficeBehindOneAddressAllSignInWhileASprayIsHeldBack() throws Exception {
        URI base = server.base();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String email = Accounts.newEmail();
            HttpResponse<String> made = HTTP.send(HttpRequest.newBuilder(base.resolve("api/users"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", newAddress())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"Office\",\"last_name\":\"Person\","
                            + "\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, made.statusCode(), made.body());
            people.add(email);
        }
        String office = newAddress();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            if (i % 2 == 0) {
                int typo = token(base, people.get(i), Accounts.PASSWORD + "x", office).statusCode();
                if (typo != 401) {
                    wrong.add("typo " + i + " -> " + typo);
                }
            }
            int in = token(base, people.get(i), Accounts.PASSWORD, office).statusCode();
            if (in != 200) {
                wrong.add("sign-in " + i + " -> " + in);
            }
        }
        assertEquals(List.of(), wrong, "all 200 signed in, no attempt waited");

        String sprayer = newAddress();
        int checked = 0;
        for (int i = 0; i < 100; i++) {
            if (token(base, people.get(i % 20), "spray-" + i, sprayer).statusCode() == 401) {
                checked++;
            }
        }
        assertTrue(checked <= CLIENT_FAILURES + 3, "a spray with no success earns nothing: " + checked + " checked");
    }

    /**
     * Guesses the way a patient attacker does    /**
     * Guesses the way a patient attacker does — once more the moment each wait ends — until the wait is at least
     * {@code seconds}; returns that wait.
     */
    static long keepGuessing(Callable<HttpResponse<String>> guess, long seconds) throws Exception {
        for (int i = 0; i < 200; i++) {
            HttpResponse<String> answer = guess.call();
            if (answer.statusCode() == 429) {
                long wait = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
                if (wait >= seconds) {
                    return wait;
                }
                Thread.sleep(wait * 1000 + 100);
            } else {
                assertEquals(401, answer.statusCode(), answer.body());
            }
        }
        throw new AssertionError("never throttled for " + seconds + " s");
    }

    @Test
    void ofParallelGuessesFiredAsAWaitEndsOneIsChecked() throws Exception {
        URI base = server.base();
        String email = account(base);
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertEquals(401, token(base, email, "guess-" + i, newAddress()).statusCode());
        }
        HttpResponse<String> waiting = token(base, email, "guess", newAddress());
        assertEquals(429, waiting.statusCode());
        Thread.sleep(Long.parseLong(waiting.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);
        int parallel = 12;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                String address = newAddress();
                int n = i;
                guesses.add(() -> token(base, email, "parallel-" + n, address).statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(guesses)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 401).count(), "one guess checked: " + statuses);
            assertEquals(parallel - 1, statuses.stream().filter(s -> s == 429).count(), "the others wait: " + statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void forgedForwardedForLinesNeitherBypassNorFrame() throws Exception {
        URI base = server.base();
        String attacker = newAddress();
        String victim = newAddress();
        String email = account(base);
        for (int i = 0; i < CLIENT_FAILURES; i++) { // each guess claims another address in a line of its own
            assertEquals(401, token(base, Accounts.newEmail(), "guess", newAddress() + ", " + victim, attacker).statusCode());
        }
        assertEquals(429, token(base, Accounts.newEmail(), "guess", victim, attacker).statusCode(),
                "the proxy's line says who it was: the forged ones bought nothing");
        assertEquals(429, token(base, email, Accounts.PASSWORD, victim + ", " + attacker).statusCode(),
                "one line or several, the right-most untrusted hop counts");
        assertEquals(200, token(base, email, Accounts.PASSWORD, victim).statusCode(), "and the victim was framed for nothing");
    }

    @Test
    void theCurrentPasswordCheckIsThrottledPerPerson() throws Exception {
        URI base = server.base();
        String email = account(base);
        HttpResponse<String> signIn = token(base, email, Accounts.PASSWORD, newAddress());
        jakarta.json.JsonObject pair = jakarta.json.Json.createReader(new java.io.StringReader(signIn.body())).readObject();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i <= ACCOUNT_FAILURES; i++) {
            String current = i < ACCOUNT_FAILURES ? "not-it-" + i : Accounts.PASSWORD;
            HttpResponse<String> change = HTTP.send(HttpRequest.newBuilder(base.resolve("api/me/password"))
                    .header("Authorization", "Bearer " + pair.getString("access")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"current_password\":\"" + current
                            + "\",\"new_password\":\"quartz-lantern-meadow-77\",\"refresh\":\"" + pair.getString("refresh") + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, change.statusCode(), change.body());
            answers.add(change.body());
        }
        assertTrue(answers.get(0).contains("not correct"), answers.get(0));
        assertTrue(answers.get(ACCOUNT_FAILURES).contains("Please wait"), "the right one, after five wrong: " + answers);
        assertEquals(200, token(base, email, Accounts.PASSWORD, newAddress()).statusCode(), "the password is unchanged");
    }

    @Test
    void takenAddressAnswersAreThrottledPerClientAddress() throws Exception {
        URI base = server.base();
        String taken = account(base);
        String prober = newAddress();
        for (int i = 0; i < CLIENT_FAILURES; i++) {
            assertEquals(400, register(base, taken, prober).statusCode());
        }
        HttpResponse<String> throttled = register(base, taken, prober);
        assertEquals(429, throttled.statusCode(), throttled.body());
        assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
        assertEquals(400, register(base, taken, newAddress()).statusCode(), "another address is not slowed");
        String other = newAddress();
        for (int i = 0; i < CLIENT_FAILURES + 2; i++) {
            assertEquals(201, register(base, Accounts.newEmail(), other).statusCode(),
                    "new accounts give their count back: an office registering together is not slowed");
        }
    }

    /**
     * A login flood against a bulkhead of one turn and one place in the queue: the API and the form both answer at
     * once with 503 busy and {@code Retry-After} once it is full — never a 500 or a time-out — while a signed-in
     * person's requests, which need no bcrypt, keep being answered. (Rounds repeat until both kinds of client met a
     * full bulkhead at least once; it takes one here.)
     */
    @Test
    void aLoginFloodIsAnsweredBusyAtOnceWhileTheSignedInGoOn() throws Exception {
        URI base = server.base();
        HttpResponse<String> signIn = token(base, account(base), Accounts.PASSWORD, newAddress());
        String access = jakarta.json.Json.createReader(new java.io.StringReader(signIn.body())).readObject().getString("access");
        int apiBusy = 0;
        int formBusy = 0;
        for (int round = 0; round < 3 && (apiBusy == 0 || formBusy == 0); round++) {
            List<Browser> forms = new ArrayList<>();
            List<Browser.Page> formPages = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Browser browser = browser(base);
                formPages.add(browser.get("login"));
                forms.add(browser);
            }
            ExecutorService pool = Executors.newFixedThreadPool(33);
            try {
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<Future<HttpResponse<String>>> api = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    String address = newAddress();
                    api.add(pool.submit(() -> {
                        go.await();
                        return token(base, Accounts.newEmail(), "guess", address);
                    }));
                }
                List<Future<Browser.Page>> form = new ArrayList<>();
                for (int i = 0; i < forms.size(); i++) {
                    Browser browser = forms.get(i);
                    Browser.Page page = formPages.get(i);
                    form.add(pool.submit(() -> {
                        go.await();
                        return browser.submit(page, "login_form", Map.of("email", Accounts.newEmail(), "password", "guess"), "login");
                    }));
                }
                Future<List<Integer>> signedIn = pool.submit(() -> {
                    go.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int i = 0; i < 10; i++) {
                        statuses.add(HTTP.send(HttpRequest.newBuilder(base.resolve("api/me"))
                                .header("Authorization", "Bearer " + access).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
                    }
                    return statuses;
                });
                go.countDown();
                for (Future<HttpResponse<String>> f : api) {
                    HttpResponse<String> answer = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    if (answer.statusCode() == 503) {
                        apiBusy++;
                        assertTrue(answer.body().contains("\"code\":\"busy\""), answer.body());
                        assertEquals("2", answer.headers().firstValue("Retry-After").orElse(""));
                    } else {
                        assertEquals(401, answer.statusCode(), "checked and refused, or busy: " + answer.body());
                    }
                }
                for (Future<Browser.Page> f : form) {
                    Browser.Page answer = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                    if (answer.status() == 503) {
                        formBusy++;
                        assertTrue(answer.body().contains("Busy just now"), answer.body());
                        assertEquals("2", answer.headers().get("retry-after").get(0));
                    } else {
                        assertEquals(200, answer.status(), "the form again, with its message, or busy");
                        assertTrue(answer.body().contains("Please enter a correct email address and password."), answer.body());
                    }
                }
                assertEquals(List.of(200, 200, 200, 200, 200, 200, 200, 200, 200, 200),
                        signedIn.get(60, java.util.concurrent.TimeUnit.SECONDS), "the signed-in are answered during the flood");
            } finally {
                pool.shutdownNow();
            }
        }
        System.out.printf("FIGURES flood against 1 turn + 1 queued: %d of the API's and %d of the form's attempts answered busy%n",
                apiBusy, formBusy);
        assertTrue(apiBusy > 0, "the API answered busy at least once");
        assertTrue(formBusy > 0, "the form answered busy at least once");
        assertEquals(401, token(base, Accounts.newEmail(), "guess", newAddress()).statusCode(), "after the flood: checked again");
    }

    private static HttpResponse<String> register(URI base, String email, String forwardedFor) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("api/users")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString("{\"first_name\":\"Ada\","
                        + "\"last_name\":\"Lovelace\",\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
