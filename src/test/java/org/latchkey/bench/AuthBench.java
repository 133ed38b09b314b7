package org.latchkey.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.PayaraMicroProcess;
import org.mindrot.jbcrypt.BCrypt;

/**
 * The auth server's figures in one run (bench/auth.sh): bare bcrypt on every core as the floor, then Latchkey on
 * Payara Micro (the database the environment names: H2 by default, PostgreSQL with LATCHKEY_DB_*) — logins/s through
 * the API and the form at 2 and 8 connections, silent and API refreshes/s, {@code /api/me} alone and during a
 * 50-connection login flood, anonymous {@code GET /login} and the memory it costs, start-up and memory against the
 * same Payara Micro with an empty WAR. Prints figures; asserts nothing.
 */
public final class AuthBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    /** Before a wrk measure: the JIT needs this long on 2 cores before a request path runs at its steady rate. */
    static final int WARM_UP = 20;

    private AuthBench() {
    }

    public static void main(String[] args) throws Exception {
        int cost = Integer.getInteger("bench.cost", 12);
        int cores = Runtime.getRuntime().availableProcessors();
        String database = System.getenv("LATCHKEY_DB_HOST") == null ? "H2 (embedded)" : "PostgreSQL";
        System.out.printf("== auth server, bcrypt cost %d, %d cores, %s, %d s per measure%n", cost, cores, database, SECONDS);
        double bare = bareBcrypt(cost, cores);
        System.out.printf("bare BCrypt.checkpw on %d threads: %.1f checks/s (the floor)%n", cores, bare);

        Path work = Files.createDirectories(Path.of("target/bench"));
        Map<String, String> settings = new HashMap<>(Map.of("latchkey.cookie.secure", "false",
                "latchkey.password.bcrypt-cost", String.valueOf(cost), "latchkey.registration.email-verification", "off",
                "latchkey.throttle.client-failures", "1000000"));
        // the bulkhead as shipped (admission by expected wait, 2 s); the property runs it with fewer bcrypt checks at
        // once than cores, to show what that leaves the other requests
        int bcryptTurns = Integer.getInteger("bench.passwordConcurrency", cores);
        settings.putAll(Map.of("latchkey.password.concurrency", String.valueOf(bcryptTurns)));
        System.out.printf("bulkhead: %d bcrypt checks at once, admitted while the expected wait is within 2 s%n", bcryptTurns);
        try (PayaraMicroProcess empty = PayaraMicroProcess.startApp("bench-empty", emptyWar(work.resolve("empty.war")),
                "index.html", Map.of())) {
            long emptyRss = empty.residentMiB();
            empty.close();
            try (PayaraMicroProcess latchkey = PayaraMicroProcess.start("bench-auth",
                    Files.createTempDirectory(work, "auth-data"), settings)) {
                long rss = latchkey.residentMiB();
                System.out.printf("start-up: %.1f s vs empty WAR %.1f s (%.2fx); RSS %d MiB vs %d MiB (%.2fx)%n",
                        latchkey.startup().toMillis() / 1000.0, empty.startup().toMillis() / 1000.0,
                        (double) latchkey.startup().toMillis() / empty.startup().toMillis(), rss, emptyRss,
                        (double) rss / emptyRss);
                run(latchkey, bare);
            }
        }
    }

    private static void run(PayaraMicroProcess server, double bare) throws Exception {
        URI base = server.base();
        String email = Accounts.newEmail();
        HttpResponse<String> made = post(base, "api/users", "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\""
                + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
        if (made.statusCode() != 201) {
            throw new IllegalStateException("registration failed: " + made.statusCode() + " " + made.body());
        }
        String login = "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}";
        // an account per connection: one account's parallel attempts are held back by its throttle (each is counted
        // until its password proves right), which is not what this measures
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String person = Accounts.newEmail();
            post(base, "api/users", "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"email\":\"" + person
                    + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
            people.add(person);
        }
        AtomicLong nextPerson = new AtomicLong();
        ThreadLocal<String> mine = ThreadLocal.withInitial(() -> people.get((int) (nextPerson.getAndIncrement() % people.size())));
        load(4, 5, () -> post(base, "api/token", login).statusCode()); // warm-up
        for (int connections : new int[] {2, 8}) {
            Counts api = load(connections, SECONDS, () -> post(base, "api/token", "{\"email\":\"" + mine.get()
                    + "\",\"password\":\"" + Accounts.PASSWORD + "\"}").statusCode());
            System.out.printf("API logins, %d connections: %.1f/s = %.0f %% of bare bcrypt %s%n", connections,
                    api.ok() / (double) SECONDS, 100 * api.ok() / (SECONDS * bare), api);
        }
        for (int connections : new int[] {2, 8}) {
            Counts form = load(connections, SECONDS, () -> {
                Browser browser = new Browser(base);
                return Accounts.login(browser, mine.get(), Accounts.PASSWORD, null).status() == 302 ? 200 : 500;
            });
            System.out.printf("form logins (GET + POST), %d connections: %.1f/s = %.0f %% of bare bcrypt %s%n", connections,
                    form.ok() / (double) SECONDS, 100 * form.ok() / (SECONDS * bare), form);
        }
        refreshes(base, email);
        apiMe(base, login);
        anonymous(server);
    }

    private static void refreshes(URI base, String email) throws Exception {
        int connections = 8;
        List<Browser> browsers = new ArrayList<>();
        List<String[]> refresh = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Browser browser = new Browser(base);
            Accounts.login(browser, email, Accounts.PASSWORD, null);
            browsers.add(browser);
            refresh.add(new String[] {pair(base, "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}")
                    .getString("refresh")});
        }
        load(connections, WARM_UP / 2, silentRefreshes(browsers));
        Counts silent = load(connections, SECONDS, silentRefreshes(browsers));
        System.out.printf("silent refreshes (GET /login?next= with the refresh cookie), %d connections: %.0f/s %s%n",
                connections, silent.ok() / (double) SECONDS, silent);
        load(connections, WARM_UP / 2, apiRefreshes(base, refresh));
        Counts api = load(connections, SECONDS, apiRefreshes(base, refresh));
        System.out.printf("POST /api/token/refresh, %d connections: %.0f/s %s%n", connections, api.ok() / (double) SECONDS, api);
    }

    /** Each connection refreshes its own browser's sign-in, as fast as answers come. */
    private static Call silentRefreshes(List<Browser> browsers) {
        AtomicLong next = new AtomicLong();
        ThreadLocal<Integer> slot = ThreadLocal.withInitial(() -> (int) next.getAndIncrement());
        return () -> {
            Browser browser = browsers.get(slot.get());
            browser.dropCookie("latchkey.bounce"); // one browser's refreshes come minutes apart, not in a loop
            return browser.get("login?next=%2Faccount").status() == 302 ? 200 : 500;
        };
    }

    /** Each connection rotates its own refresh token through the API. */
    private static Call apiRefreshes(URI base, List<String[]> refresh) {
        AtomicLong next = new AtomicLong();
        ThreadLocal<Integer> slot = ThreadLocal.withInitial(() -> (int) next.getAndIncrement());
        return () -> {
            String[] mine = refresh.get(slot.get());
            HttpResponse<String> answer = post(base, "api/token/refresh", "{\"refresh\":\"" + mine[0] + "\"}");
            if (answer.statusCode() == 200) {
                mine[0] = Json.createReader(new StringReader(answer.body())).readObject().getString("refresh");
            }
            return answer.statusCode();
        };
    }

    private static void apiMe(URI base, String login) throws Exception {
        String bearer = "Authorization: Bearer " + pair(base, login).getString("access");
        String me = base.resolve("api/me").toString();
        Wrk alone;
        // the floor on a server of its own, measured in turns with Latchkey's: this VM's speed drifts by 2-4x from one
        // minute to the next, so only figures taken side by side make a ratio
        try (PayaraMicroProcess floor = PayaraMicroProcess.startApp("bench-floor", floorWar(Path.of("target/bench/floor.war")),
                "api/me", Map.of())) {
            String floorMe = floor.base().resolve("api/me").toString();
            wrk(floorMe, null, 16, WARM_UP);
            wrk(me, bearer, 16, WARM_UP);
            List<Wrk> floors = new ArrayList<>();
            List<Wrk> ours = new ArrayList<>();
            for (int turn = 0; turn < 3; turn++) {
                floors.add(wrk(floorMe, null, 16, SECONDS));
                ours.add(wrk(me, bearer, 16, SECONDS));
            }
            for (int turn = 0; turn < 3; turn++) {
                System.out.printf("/api/me alone (wrk, 16 connections), turn %d: %.0f req/s, p50 %s, p99 %s = %.0f %% of the"
                        + " floor beside it: a constant GET /api/me through JAX-RS on the same Payara Micro, nothing else,"
                        + " %.0f req/s, p99 %s%n", turn + 1, ours.get(turn).perSecond(), ours.get(turn).p50(), ours.get(turn).p99(),
                        100 * ours.get(turn).perSecond() / floors.get(turn).perSecond(), floors.get(turn).perSecond(),
                        floors.get(turn).p99());
            }
            ours.sort(java.util.Comparator.comparingDouble(Wrk::perSecond));
            alone = ours.get(1);
        }
        ExecutorService flooding = Executors.newSingleThreadExecutor();
        HttpClient patient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Future<Counts> flood = flooding.submit(() -> load(50, SECONDS + 4, () -> patient.send(HttpRequest.newBuilder(base.resolve("api/token"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
        Thread.sleep(2000);
        Wrk during = wrk(base.resolve("api/me").toString(), bearer, 16, SECONDS);
        Counts floodCounts = flood.get();
        flooding.shutdown();
        System.out.printf("/api/me during a 50-connection login flood: %.0f req/s (%.0f %% of alone), p50 %s, p99 %s,"
                + " %d non-2xx%n", during.perSecond(), 100 * during.perSecond() / alone.perSecond(), during.p50(), during.p99(),
                during.non2xx());
        System.out.printf("the flood's own requests: %s%n", floodCounts);
    }

    private static void anonymous(PayaraMicroProcess server) throws Exception {
        URI base = server.base();
        wrk(base.resolve("login").toString(), null, 16, 5);
        long before = server.residentMiB();
        int views = 20_000;
        AtomicLong left = new AtomicLong(views);
        long started = System.nanoTime();
        Counts counts = load(8, 600, () -> {
            if (left.getAndDecrement() <= 0) {
                return -1; // done
            }
            return HTTP.send(HttpRequest.newBuilder(base.resolve("login")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        long after = server.residentMiB();
        Wrk wrk = wrk(base.resolve("login").toString(), null, 16, SECONDS);
        System.out.printf("anonymous GET /login: %.0f req/s (wrk, 16 connections); %d views by 8 clients in %.1f s %s:"
                + " RSS %d -> %d MiB (+%d)%n", wrk.perSecond(), views, seconds, counts, before, after, after - before);
    }

    /** Checks/s of bcrypt alone, one check per thread at a time on every core, as the server would run them. */
    static double bareBcrypt(int cost, int threads) throws Exception {
        String hash = BCrypt.hashpw("benchmark-password", BCrypt.gensalt(cost));
        BCrypt.checkpw("warm-up", hash);
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    BCrypt.checkpw("benchmark-password", hash);
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(SECONDS + 60, TimeUnit.SECONDS);
        return done.get() / (double) SECONDS;
    }

    interface Call {
        int status() throws Exception;
    }

    /** Answers by kind: 2xx, 503, time-outs, anything else. */
    record Counts(long ok, long busy, long throttled, long timedOut, long other) {
        @Override
        public String toString() {
            return "(" + ok + " ok, " + busy + " busy, " + throttled + " throttled, " + timedOut + " timed out, " + other
                    + " other)";
        }
    }

    /** {@code connections} clients, each calling as fast as answers come, for {@code seconds} (or until a call says -1). */
    static Counts load(int connections, int seconds, Call call) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        AtomicLong throttled = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        for (int i = 0; i < connections; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        int status = call.status();
                        if (status < 0) {
                            return;
                        }
                        (status / 100 == 2 ? ok : status == 503 ? busy : status == 429 ? throttled : other).incrementAndGet();
                    } catch (HttpTimeoutException e) {
                        timedOut.incrementAndGet();
                    } catch (Exception e) {
                        other.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
        return new Counts(ok.get(), busy.get(), throttled.get(), timedOut.get(), other.get());
    }

    static HttpResponse<String> post(URI base, String path, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject pair(URI base, String login) throws IOException, InterruptedException {
        return Json.createReader(new StringReader(post(base, "api/token", login).body())).readObject();
    }

    record Wrk(double perSecond, String p50, String p99, long non2xx) {
    }

    static Wrk wrk(String url, String header, int connections, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency",
                "--timeout", "10s"));
        if (header != null) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher rate = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher p50 = Pattern.compile("\\s50%\\s+(\\S+)").matcher(out);
        Matcher p99 = Pattern.compile("\\s99%\\s+(\\S+)").matcher(out);
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)").matcher(out);
        if (!rate.find() || !p50.find() || !p99.find()) {
            throw new IllegalStateException("wrk against " + url + " failed:\n" + out);
        }
        return new Wrk(Double.parseDouble(rate.group(1)), p50.group(1), p99.group(1),
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0);
    }

    static Path floorWar(Path file) {
        ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .addClasses(org.latchkey.bench.floor.FloorApplication.class, org.latchkey.bench.floor.FloorResource.class)
                .as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    static Path emptyWar(Path file) {
        ShrinkWrap.create(WebArchive.class, file.getFileName().toString())
                .addAsWebResource(new StringAsset("<!DOCTYPE html><title>empty</title>"), "index.html")
                .as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }
}
