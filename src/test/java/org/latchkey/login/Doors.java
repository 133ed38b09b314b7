package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.Logs;
import org.latchkey.token.TokenClaims;
import org.latchkey.token.TokenIssuer;
import org.latchkey.token.TokenKeys;
import org.latchkey.token.TestKeys;
import org.latchkey.token.TokenSettings;

/**
 * Every door to a page or a change, tried as an attacker would: every URL spelling of every page, anonymously, as an
 * ordinary person and with a superuser token the attacker minted with the shared key; the admin form posted by
 * people who may not; changes made with the parent-domain access cookie alone. Run on every server by a class that
 * starts Latchkey with {@link #settings()} ({@link DoorsIT} on Payara Micro, {@code WildFlyLoginFlowIT} on WildFly,
 * {@code PayaraServerLoginFlowIT} on Payara Server). Cookies are Secure in these servers, hence the prefixed names.
 */
interface Doors {

    String ACCESS = "__Secure-latchkey.access";
    String REFRESH = "__Host-latchkey.refresh";

    /** The first superuser every server under these tests is started with; its password is made up per run. */
    String ADMIN_EMAIL = Accounts.newEmail();
    String ADMIN_PASSWORD = TestKeys.random().substring(0, 24);
    /** The HMAC key the servers sign with (every service on the domain holds it, and so does the attacker here). */
    String KEY = TestKeys.random() + TestKeys.random();

    /** What a server runs these tests with: {@link LoginJourney#SETTINGS}, the first superuser and the key. */
    /** The monitoring system's token for {@code /metrics}, made up per run. */
    String METRICS_TOKEN = TestKeys.random();

    static Map<String, String> settings() {
        Map<String, String> settings = new java.util.HashMap<>(LoginJourney.SETTINGS);
        settings.putAll(Map.of("latchkey.admin.email", ADMIN_EMAIL, "latchkey.admin.password", ADMIN_PASSWORD,
                "JWT_SIGNING_KEY", KEY, "latchkey.metrics.token", METRICS_TOKEN));
        return settings;
    }

    /** Latchkey's root, ending in '/'. */
    URI doors() throws Exception;

    String serverLog() throws Exception;

    /**
     * The servlet session's URL parameter, under its default name and the session cookie's: containers strip it
     * before the application sees the URI (Payara under both names, and leaves no trace when a session cookie came
     * too), so it may be served as the canonical page — with its constraints — as long as the id is never used.
     */
    List<String> SESSION_PARAMETERS = List.of(";jsessionid=0123456789", ";__Host-JSESSIONID=0123456789");

    List<String> PAGES = List.of("admin/users", "admin/person", "account", "logout", "register", "login", "index", "password-reset",
            "password-reset/new-password", "verify-email", "email-change", "email-change/undo");

    /** Other spellings of {@code page} (a path without the leading slash) that a container might map to it. */
    static List<String> spellings(String page) {
        String first = String.format(Locale.ROOT, "%%%02X", (int) page.charAt(0));
        List<String> spellings = new ArrayList<>(List.of("faces/" + page, "faces/" + page + ".xhtml", page + ".xhtml",
                page + ".jsf", page + ".faces", page + ";x=1", page + SESSION_PARAMETERS.get(0), page + SESSION_PARAMETERS.get(1),
                page + ";JSESSIONID=0123456789", "/" + page, "./" + page,
                "x/../" + page, first + page.substring(1), page.toUpperCase(Locale.ROOT),
                Character.toUpperCase(page.charAt(0)) + page.substring(1), page + "/", page + "%2F",
                "jakarta.faces.resource/" + page + ".xhtml", "faces/jakarta.faces.resource/" + page + ".xhtml"));
        int slash = page.indexOf('/');
        if (slash > 0) {
            String dir = page.substring(0, slash);
            String rest = page.substring(slash + 1);
            spellings.addAll(List.of(dir + "//" + rest, dir + "/./" + rest, dir + "/%" + String.format(Locale.ROOT, "%02X",
                    (int) rest.charAt(0)) + rest.substring(1), dir + "%2F" + rest, dir + "/" + rest + ".xhtml;x=1"));
        }
        return spellings;
    }

    default Browser browser() throws Exception {
        return new Browser(doors());
    }

    default Browser signedIn(String email, String password) throws Exception {
        Browser browser = browser();
        Page page = Accounts.login(browser, email, password, null);
        assertEquals(302, page.status(), "signed in as " + email + ": " + page.body());
        return browser;
    }

    default Browser newPerson(String email) throws Exception {
        Browser browser = browser();
        assertEquals(302, Accounts.register(browser, email, null).status());
        return signedIn(email, Accounts.PASSWORD);
    }

    /** A token for this person that says superuser, signed with the shared key as any service on the domain could. */
    private String mintedSuperuserToken(Browser person) throws Exception {
        Page me = person.get("api/me");
        assertEquals(200, me.status(), me.body());
        long id = Long.parseLong(me.body().replaceAll(".*\"user_id\":\"?(\\d+)\"?.*", "$1"));
        String uuid = me.body().replaceAll(".*\"user_uuid\":\"([^\"]+)\".*", "$1");
        String email = me.body().replaceAll(".*\"email\":\"([^\"]+)\".*", "$1");
        TokenSettings settings = new TokenSettings("HS512", Duration.ofMinutes(5), Duration.ofDays(5),
                Duration.ofSeconds(10), Optional.empty(), Optional.empty());
        TokenIssuer issuer = new TokenIssuer(TokenKeys.load("HS512", Optional.of(KEY), Optional.empty(),
                Optional.empty(), List.of(), java.nio.file.Path.of("target")), settings);
        return issuer.access(new TokenClaims(id, uuid, email, "Mallory", "Minted", true, true),
                Instant.now()).value();
    }

    @Test
    default void everySpellingOfEveryPageIsRefusedForEveryone() throws Exception {
        String email = Accounts.newEmail();
        Browser person = newPerson(email);
        Browser minted = browser();
        minted.setCookie(ACCESS, mintedSuperuserToken(person));
        Map<String, Browser> callers = new LinkedHashMap<>();
        callers.put("anonymous", browser());
        callers.put("ordinary person", person);
        callers.put("self-minted superuser token", minted);
        List<String> leaks = new ArrayList<>();
        int tried = 0;
        String root = doors().toString();
        for (Map.Entry<String, Browser> caller : callers.entrySet()) {
            for (String page : PAGES) {
                for (String spelling : spellings(page)) {
                    Page answer = caller.getValue().get(root + spelling);
                    tried++;
                    boolean toLogin = answer.status() == 302 && URI.create(answer.location()).getPath().endsWith("/login");
                    boolean refused = answer.status() == 400 || answer.status() == 403 || answer.status() == 404;
                    if (SESSION_PARAMETERS.stream().anyMatch(spelling::endsWith) && !refused) { // WildFly refuses them
                        // (not compared on /login, whose silent refreshes in a row end in the form by design)
                        int canonical = page.equals("login") ? answer.status() : caller.getValue().get(root + page).status();
                        boolean adopted = answer.setCookies().stream().anyMatch(c -> c.value().contains("0123456789"));
                        if (adopted || answer.status() != canonical) {
                            leaks.add(caller.getKey() + " GET /" + spelling + " -> " + answer.status() + " vs "
                                    + canonical + (adopted ? ", session id adopted" : ""));
                        }
                        continue;
                    }
                    if (!(toLogin || refused) || answer.body().contains("users_form") || answer.body().contains(email)
                            || answer.body().contains("password_form") || answer.body().contains("<!DOCTYPE html")
                            && answer.body().contains("login_form")) {
                        leaks.add(caller.getKey() + " GET /" + spelling + " -> " + answer.status() + " "
                                + answer.header("Location").orElse(""));
                    }
                }
            }
        }
        assertEquals(List.of(), leaks, "every other spelling is refused or sent to the login page (" + tried + " tried)");

        // the canonical addresses: the minted token's superuser claim counts for nothing on the auth host
        assertEquals(403, minted.get("admin/users").status(), "roles come from Latchkey's records, not the token");
        assertEquals(403, person.get("admin/users").status());
        assertEquals(403, minted.get("admin/person?id=" + person.get("account").document().getElementById("uuid").text())
                .status());
        Page me = minted.get("api/me");
        assertEquals(200, me.status());
        assertTrue(me.body().contains("\"is_superuser\":false") && me.body().contains("\"is_staff\":false"), me.body());
        assertEquals("user", minted.get("account").document().getElementById("roles").text());
        Page anonymous = browser().get("admin/users");
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.location().contains("/login?next="), anonymous.location());
        assertEquals(200, browser().get("login").status());
        assertEquals(200, browser().get("").status(), "the welcome page");
    }

    private static String claim(String jwt, String name) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"" + name + "\":([a-z]+).*", "$1");
    }

    private static Page roles(Browser caller, String uuid, boolean staff, boolean superuser, String refresh)
            throws Exception {
        return caller.putJson("api/admin/users/" + uuid + "/roles", "{\"is_staff\":" + staff + ",\"is_superuser\":"
                + superuser + (refresh == null ? "" : ",\"refresh\":\"" + refresh + "\"") + "}");
    }

    default Browser bearer(Browser person) throws Exception {
        return browser().header("Authorization", "Bearer " + person.cookie(ACCESS).orElseThrow())
                .header("Accept", "application/json");
    }

    @Test
    default void superusersGrantAndRevokeRolesByTheRules() throws Exception {
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String adminRefresh = admin.cookie(REFRESH).orElseThrow();
        String adminUuid = admin.get("account").document().getElementById("uuid").text();
        String email = Accounts.newEmail();
        Browser person = newPerson(email);
        String uuid = person.get("account").document().getElementById("uuid").text();
        String oldAccess = person.cookie(ACCESS).orElseThrow();

        // the page: make staff; Latchkey knows at once, the person's token says so from the next refresh
        Page users = admin.get("admin/users?q=" + email); // the admin page shows 50 at a time
        Element makeStaff = users.document().selectFirst("tr[data-uuid=" + uuid + "] input.make-staff");
        assertTrue(makeStaff != null, users.body());
        Page done = admin.submit(users, "users_form", Map.of(), makeStaff.attr("name"));
        assertTrue(done.messages().contains("The roles of " + email + " are now: staff."), done.status() + " " + done.body());
        assertTrue(done.document().selectFirst("tr[data-uuid=" + uuid + "] td.status").text().contains("staff"));
        Page me = person.get("api/me");
        assertTrue(me.body().contains("\"is_staff\":true"), "at once on Latchkey: " + me.body());
        assertEquals("false", claim(oldAccess, "user_is_staff"), "the token already out says what it said");
        person.dropCookie(ACCESS);
        assertEquals(302, person.get("login").status(), "a silent refresh");
        assertEquals("true", claim(person.cookie(ACCESS).orElseThrow(), "user_is_staff"), "the next token carries it");

        // the API, for scripts: the same rules; refusals change nothing
        Browser adminApi = bearer(admin);
        Browser personApi = bearer(person);
        assertEquals(401, roles(browser(), uuid, true, true, adminRefresh).status(), "no token");
        assertEquals(400, roles(adminApi, uuid, true, true, null).status(), "no refresh token");
        assertEquals(403, roles(adminApi, uuid, true, true, person.cookie(REFRESH).orElseThrow()).status(),
                "someone else's refresh token");
        Page staffOnly = roles(personApi, uuid, true, true, person.cookie(REFRESH).orElseThrow());
        assertEquals(403, staffOnly.status(), "staff is not superuser: " + staffOnly.body());
        assertTrue(staffOnly.body().contains("not_superuser"), staffOnly.body());
        assertEquals(400, adminApi.putJson("api/admin/users/" + uuid + "/roles", "{\"is_staff\":\"yes\",\"is_superuser\":true,"
                + "\"refresh\":\"" + adminRefresh + "\"}").status(), "a boolean is a boolean");
        assertEquals(404, roles(adminApi, "no-such-uuid", true, true, adminRefresh).status());
        Page own = roles(adminApi, adminUuid, true, false, adminRefresh);
        assertEquals(409, own.status(), own.body());
        assertTrue(own.body().contains("own_superuser_flag"), own.body());
        assertTrue(person.get("api/me").body().contains("\"is_superuser\":false"), "nothing changed");
        Page promoted = roles(adminApi, uuid, true, true, adminRefresh);
        assertEquals(200, promoted.status(), promoted.body());
        assertEquals(200, person.get("admin/users").status(), "a superuser now, at once");
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"roles-changed\",\"actor\":\"" + adminUuid + "\",\"user\":\""
                + uuid + "\""), "audited with who did it");

        // two superusers removing each other's role at once never leave none: measured when they are the only two
        // (a database shared with other tests' superusers lets both removals through, rightly)
        long superusers = Long.parseLong(admin.get("admin/users?kind=superuser").document().getElementById("found").text()
                .replaceAll(".* of ", "").replace(",", ""));
        if (superusers != 2) {
            assertEquals(200, roles(adminApi, uuid, false, false, adminRefresh).status(), "back to how it was");
            System.out.printf("FIGURES roles: %d superusers in this database, the race of the last two not tried%n", superusers);
            return;
        }
        String personRefresh = person.cookie(REFRESH).orElseThrow();
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<Page> byAdmin = both.submit(() -> roles(adminApi, uuid, true, false, adminRefresh));
            Future<Page> byPerson = both.submit(() -> roles(bearer(person), adminUuid, true, false, personRefresh));
            int a = byAdmin.get(30, TimeUnit.SECONDS).status();
            int p = byPerson.get(30, TimeUnit.SECONDS).status();
            boolean adminLeft = admin.get("api/me").body().contains("\"is_superuser\":true");
            boolean personLeft = person.get("api/me").body().contains("\"is_superuser\":true");
            assertTrue(adminLeft || personLeft, "someone is still superuser (" + a + ", " + p + ")");
            assertEquals(1, (a == 200 ? 1 : 0) + (p == 200 ? 1 : 0), "exactly one removal went through: " + a + ", " + p);
            assertTrue(List.of(403, 409).contains(a == 200 ? p : a), a + ", " + p);
            if (!adminLeft) { // the person won: they give the role back to the test's superuser, who then takes theirs
                assertEquals(200, roles(bearer(person), adminUuid, true, true, person.cookie(REFRESH).orElseThrow()).status());
            }
            assertEquals(200, roles(adminApi, uuid, false, false, adminRefresh).status(), "and back to how it was");
        } finally {
            both.shutdownNow();
        }
    }

    @Test
    default void aButtonActsOnThePersonItShowedEvenIfSomeoneRegisteredMeanwhile() throws Exception {
        String tag = "shift" + Long.toString(System.nanoTime(), 36);
        String target = tag + "-m@example.test";
        assertEquals(201, browser().postJson("api/users", "{\"first_name\":\"Tar\",\"last_name\":\"Get\",\"email\":\""
                + target + "\",\"password\":\"" + Accounts.PASSWORD + "\"}").status());
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Page users = admin.get("admin/users?q=" + tag);
        Element row = users.document().selectFirst("tr[data-uuid]");
        assertEquals(target, row.selectFirst("td").text(), users.body());
        String button = row.selectFirst("input.make-staff").attr("name");
        String newcomer = tag + "-a@example.test"; // sorts first: the target is now the second row
        assertEquals(201, browser().postJson("api/users", "{\"first_name\":\"New\",\"last_name\":\"Comer\",\"email\":\""
                + newcomer + "\",\"password\":\"" + Accounts.PASSWORD + "\"}").status());
        Page done = admin.submit(users, "users_form", Map.of(), button);
        assertTrue(done.messages().contains("The roles of " + target + " are now: staff."), done.messages().toString());
        List<String> statuses = done.document().select("tr[data-uuid]").stream()
                .map(r -> r.selectFirst("td").text() + " " + r.selectFirst("td.status").text()).toList();
        assertEquals(List.of(newcomer + " active, unverified", target + " active, staff, unverified"), statuses,
                "the newcomer is untouched");
    }

    String FIREFOX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    String PHONE = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Mobile Safari/537.36";

    @Test
    default void aPersonSeesWhereTheyAreSignedInAndEndsOne() throws Exception {
        String email = Accounts.newEmail();
        Browser laptop = browser().header("User-Agent", FIREFOX);
        assertEquals(302, Accounts.register(laptop, email, null).status());
        assertEquals(302, Accounts.login(laptop, email, Accounts.PASSWORD, null).status());
        Browser phone = browser().header("User-Agent", PHONE);
        assertEquals(302, Accounts.login(phone, email, Accounts.PASSWORD, null).status());

        Page account = laptop.get("account");
        List<Element> rows = account.document().select("table.sign-ins tbody tr");
        assertEquals(2, rows.size(), account.body());
        Element mine = account.document().selectFirst("table.sign-ins tr.current");
        assertTrue(mine != null, account.body());
        assertEquals("Firefox 133", mine.selectFirst(".browser").text());
        assertEquals("Ubuntu", mine.selectFirst(".system").text());
        assertTrue(mine.text().contains("This device"), mine.text());
        Element other = rows.stream().filter(r -> !r.hasClass("current")).findFirst().orElseThrow();
        assertEquals("Chrome Mobile 131", other.selectFirst(".browser").text());
        assertEquals("Android 14", other.selectFirst(".system").text());
        assertFalse(other.selectFirst(".address").text().isBlank());
        assertEquals(null, mine.selectFirst("input.end-sign-in"), "this one is signed out with Sign out");

        // the access cookie alone (what every service on the domain sees) reads no list and ends nothing
        Browser accessOnly = browser();
        accessOnly.setCookie(ACCESS, laptop.cookie(ACCESS).orElseThrow());
        Page hidden = accessOnly.get("account");
        assertEquals(200, hidden.status());
        assertTrue(hidden.document().getElementById("sign_ins_hidden") != null, hidden.body());
        assertEquals(0, hidden.document().select("table.sign-ins tr[data-sign-in]").size());
        Browser api = bearer(laptop);
        assertEquals(400, api.postJson("api/me/sign-ins", "{}").status(), "no refresh token");
        assertEquals(403, api.postJson("api/me/sign-ins", "{\"refresh\":\"" + phone.cookie(REFRESH).orElseThrow().replace('a', 'b')
                + "\"}").status(), "not a live one of this person's");
        assertEquals(401, browser().postJson("api/me/sign-ins", "{\"refresh\":\"" + laptop.cookie(REFRESH).orElseThrow()
                + "\"}").status(), "nobody");
        String phoneId = other.attr("data-sign-in");
        Browser stranger = newPerson(Accounts.newEmail());
        assertEquals(404, bearer(stranger).postJson("api/me/sign-ins/" + phoneId + "/end", "{\"refresh\":\""
                + stranger.cookie(REFRESH).orElseThrow() + "\"}").status(), "someone else's sign-in is no business of theirs");
        assertEquals(404, api.postJson("api/me/sign-ins/" + mine.attr("data-sign-in") + "/end", "{\"refresh\":\""
                + laptop.cookie(REFRESH).orElseThrow() + "\"}").status(), "not this one: that is signing out");

        // the laptop ends the phone's sign-in: it refreshes no more
        Page ended = laptop.submit(account, "sign_ins_form", Map.of(), other.selectFirst("input.end-sign-in").attr("name"));
        assertTrue(ended.messages().stream().anyMatch(m -> m.startsWith("That sign-in is signed out")),
                ended.status() + " " + ended.messages() + " " + ended.body());
        assertEquals(1, ended.document().select("table.sign-ins tbody tr").size(), ended.body());
        phone.dropCookie(ACCESS);
        assertEquals(200, phone.get("login").status(), "the phone's refresh token no longer refreshes");
        Page list = api.postJson("api/me/sign-ins", "{\"refresh\":\"" + laptop.cookie(REFRESH).orElseThrow() + "\"}");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("\"browser\":\"Firefox 133\"") && list.body().contains("\"current\":true"), list.body());
        assertFalse(list.body().contains("Chrome Mobile"), list.body());
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"sign-in-ended\""), "audited");
    }

    private Page scrape() throws Exception {
        Page page = browser().header("Authorization", "Bearer " + METRICS_TOKEN).get("metrics");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return page;
    }

    private static double metric(Page scrape, String series) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(series)
                + " (\\S+)$").matcher(scrape.body());
        assertTrue(m.find(), series + " in\n" + scrape.body());
        return Double.parseDouble(m.group(1));
    }

    @Test
    default void theMetricsCountExactlyWhatHappened() throws Exception {
        String[] series = {"latchkey_sign_ins_total{outcome=\"ok\"}", "latchkey_sign_ins_total{outcome=\"wrong\"}",
                "latchkey_sign_ins_total{outcome=\"unknown\"}", "latchkey_sign_ins_total{outcome=\"inactive\"}",
                "latchkey_refreshes_total{outcome=\"ok\"}", "latchkey_refreshes_total{outcome=\"not_valid\"}",
                "latchkey_refreshes_total{outcome=\"reuse_detected\"}", "latchkey_active_sign_ins",
                "latchkey_bcrypt_checks_total", "latchkey_token_verification_seconds_count"};
        Page before = scrape();
        String email = Accounts.newEmail();
        String person = "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}";
        assertEquals(201, browser().postJson("api/users", "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\","
                + "\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}").status());
        assertEquals(401, browser().postJson("api/token", "{\"email\":\"" + email + "\",\"password\":\"not it\"}").status());
        assertEquals(401, browser().postJson("api/token", "{\"email\":\"nobody-" + email + "\",\"password\":\"x\"}").status());
        Page pair = browser().postJson("api/token", person);
        assertEquals(200, pair.status(), pair.body());
        String refresh = pair.body().replaceAll(".*\"refresh\":\"([^\"]+)\".*", "$1");
        String access = pair.body().replaceAll(".*\"access\":\"([^\"]+)\".*", "$1");
        assertEquals(200, browser().postJson("api/token/refresh", "{\"refresh\":\"" + refresh + "\"}").status());
        assertEquals(401, browser().postJson("api/token/refresh", "{\"refresh\":\"not.a.token\"}").status());
        assertEquals(200, browser().header("Authorization", "Bearer " + access).get("api/me").status());
        Page after = scrape();
        double[] expected = {1, 1, 1, 0, 1, 1, 0, 1, 4, 2}; // bcrypt: the hash and three checks; tokens: /api/me and this scrape
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < series.length; i++) {
            double delta = metric(after, series[i]) - metric(before, series[i]);
            if (delta != expected[i]) {
                wrong.add(series[i] + " went up by " + delta + ", not " + expected[i]);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"login\",\"actor\":\"anonymous\",\"user\":\""), "the wrong password names the account");
        assertTrue(Logs.shows(this::serverLog, "\"outcome\":\"unknown-email\""), "and the audit says why");
        assertTrue(metric(after, "latchkey_bcrypt_concurrency") >= 1);
        assertTrue(after.body().contains("jvm_memory_used_bytes"), "and the JVM's own figures");
    }

    @Test
    default void onlyTheMonitoringTokenReadsTheMetrics() throws Exception {
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String adminAccess = admin.cookie(ACCESS).orElseThrow();
        Map<String, Browser> callers = new LinkedHashMap<>();
        callers.put("anonymous", browser());
        callers.put("a superuser's browser", admin);
        callers.put("a superuser's access token", browser().header("Authorization", "Bearer " + adminAccess));
        callers.put("a wrong token", browser().header("Authorization", "Bearer " + METRICS_TOKEN.substring(1) + "0"));
        callers.put("the token as Basic", browser().header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("prometheus:" + METRICS_TOKEN).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        String root = doors().toString();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, Browser> caller : callers.entrySet()) {
            Page canonical = caller.getValue().get(root + "metrics");
            if (canonical.status() != 401 || !canonical.header("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                leaks.add(caller.getKey() + " GET /metrics -> " + canonical.status());
            }
            List<String> tries = new ArrayList<>(spellings("metrics"));
            tries.add("metrics?token=" + METRICS_TOKEN);
            for (String spelling : tries) {
                Page answer = caller.getValue().get(root + spelling);
                if (answer.status() == 200 || answer.body().contains("latchkey_sign_ins_total")
                        || answer.body().contains("jvm_memory")) {
                    leaks.add(caller.getKey() + " GET /" + spelling + " -> " + answer.status());
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertEquals(200, scrape().status(), "the token holder reads them");
    }

    /** What lives under {@code WEB-INF}: Faces templates (their markup shows how forms are built) and descriptors. */
    List<String> PRIVATE_FILES = List.of("WEB-INF/templates/layout.xhtml", "WEB-INF/templates/form-token.xhtml",
            "WEB-INF/web.xml", "WEB-INF/faces-config.xml", "WEB-INF/beans.xml", "WEB-INF/undertow-handlers.conf");

    @Test
    default void nothingUnderWebInfIsServedByAnySpelling() throws Exception {
        Browser person = newPerson(Accounts.newEmail());
        String root = doors().toString();
        List<String> leaks = new ArrayList<>();
        int tried = 0;
        for (String file : PRIVATE_FILES) {
            String page = file.endsWith(".xhtml") ? file.substring(0, file.length() - ".xhtml".length()) : file;
            List<String> spellings = new ArrayList<>(spellings(page));
            spellings.addAll(List.of(file, "web-inf/" + file.substring(8), "%57EB-INF/" + file.substring(8),
                    "WEB-INF%2F" + file.substring(8), "faces/" + file, "static/../" + file, "static/%2E%2E/" + file,
                    "jakarta.faces.resource/../" + file, "jakarta.faces.resource/" + file.substring(8) + "?ln=../WEB-INF",
                    "jakarta.faces.resource/" + file.substring(file.lastIndexOf('/') + 1) + "?ln=..%2FWEB-INF%2Ftemplates"));
            for (Browser caller : List.of(browser(), person)) {
                for (String spelling : spellings) {
                    Page answer = caller.get(root + spelling);
                    tried++;
                    String body = answer.body();
                    if (answer.status() / 100 == 2 || body.contains("ui:composition") || body.contains("ui:insert")
                            || body.contains("<web-app") || body.contains("<beans") || body.contains("<faces-config")
                            || body.contains("requestScope") || body.contains("samesite-cookie")) {
                        leaks.add("GET /" + spelling + " -> " + answer.status());
                    }
                }
            }
        }
        assertEquals(List.of(), leaks, "templates and descriptors are never served (" + tried + " tried)");
    }

    @Test
    default void theAdminFormDeactivatesNobodyUnlessASuperuserWithTheAuthHostSessionPostsIt() throws Exception {
        String victimEmail = Accounts.newEmail();
        Browser victim = newPerson(victimEmail);
        String victimUuid = victim.get("account").document().getElementById("uuid").text();
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Page users = admin.get("admin/users?q=" + victimEmail);
        assertEquals(200, users.status());
        Element button = users.document().selectFirst("tr[data-uuid=" + victimUuid + "] input.deactivate");
        assertTrue(button != null, users.body());
        Map<String, String> form = new LinkedHashMap<>();
        for (Element input : users.document().getElementById("users_form").select("input")) {
            if (!input.attr("name").isEmpty() && !input.attr("type").equals("submit")) {
                form.put(input.attr("name"), input.attr("value"));
            }
        }
        form.put(button.attr("name"), button.attr("value"));

        Browser minted = browser();
        minted.setCookie(ACCESS, mintedSuperuserToken(victim));
        Browser accessOnly = browser();
        accessOnly.setCookie(ACCESS, admin.cookie(ACCESS).orElseThrow()); // what every service on the domain receives
        String root = doors().toString();
        for (Browser intruder : List.of(browser(), victim, minted, accessOnly)) {
            for (String path : List.of("admin/users", "faces/admin/users.xhtml", "admin/users.xhtml", "admin/users.jsf",
                    "admin/users;x=1", "admin//users", "faces/admin/users")) {
                Page answer = intruder.post(root + path, form);
                assertFalse(answer.status() == 200 && answer.body().contains("deactivated and signed out"), path + ": "
                        + answer.body());
            }
        }
        assertEquals(302, Accounts.login(browser(), victimEmail, Accounts.PASSWORD, null).status(),
                "nobody but the superuser's own session deactivated the victim");
        Page accessOnlyPage = accessOnly.get("admin/users");
        assertTrue(accessOnlyPage.body().contains("needs a superuser's sign-in on this device"), accessOnlyPage.body());
        assertEquals(null, accessOnlyPage.document().selectFirst("tr[data-uuid]"), "no list without the auth-host session");
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"admin-users-refused\""), "audited");
        assertTrue(Logs.shows(this::serverLog, "\"outcome\":\"no-auth-host-session\""), "with the reason");

        // the superuser with their own session: done, and the person is out at once
        Page done = admin.submit(users, "users_form", Map.of(), button.attr("name"));
        assertTrue(done.messages().contains("The account was deactivated and signed out everywhere."), done.body());
        assertEquals(302, victim.get("account").status(), "the victim's unexpired access token is refused at once");
        victim.dropCookie(ACCESS);
        assertEquals(200, victim.get("login").status(), "their refresh token no longer refreshes");
        assertEquals(200, Accounts.login(browser(), victimEmail, Accounts.PASSWORD, null).status(),
                "and their password no longer signs in");
        String adminUuid = admin.get("account").document().getElementById("uuid").text();
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"user-deactivated\",\"actor\":\"" + adminUuid + "\",\"user\":\""
                + victimUuid + "\""), "audited, with who did it");
    }

    @Test
    default void theAccessCookieAloneReadsButChangesNothing() throws Exception {
        String email = Accounts.newEmail();
        Browser person = newPerson(email);
        String uuid = person.get("account").document().getElementById("uuid").text();
        Browser accessOnly = browser();
        accessOnly.setCookie(ACCESS, person.cookie(ACCESS).orElseThrow());

        Page account = accessOnly.get("account");
        assertEquals(200, account.status(), "reading is fine");
        Page change = accessOnly.submit(account, "password_form", Map.of("current_password", Accounts.PASSWORD,
                "new_password", "quartz-lantern-meadow-97", "confirm_password", "quartz-lantern-meadow-97"), "change_password");
        assertTrue(change.body().contains("needs your sign-in on this device"), change.body());
        Page everywhere = accessOnly.submit(accessOnly.get("account"), "signout_all_form", Map.of(), "signout_all");
        assertTrue(everywhere.body().contains("needs your sign-in on this device"), everywhere.status() + everywhere.body());
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"password-change-refused\",\"actor\":\"" + uuid + "\",\"user\":\"" + uuid + "\""), "audited");
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"sign-out-everywhere-refused\",\"actor\":\"" + uuid + "\",\"user\":\"" + uuid + "\""), "audited");
        assertEquals(302, Accounts.login(browser(), email, Accounts.PASSWORD, null).status(), "the password is unchanged");

        // the API: a Bearer token alone, or with a refresh token that is not this person's live one, changes nothing
        String bearer = person.cookie(ACCESS).orElseThrow();
        Browser other = newPerson(Accounts.newEmail());
        Browser api = browser().header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
        for (String body : List.of("{\"current_password\":\"" + Accounts.PASSWORD + "\",\"new_password\":\"quartz-lantern-meadow-97\"}",
                "{\"current_password\":\"" + Accounts.PASSWORD + "\",\"new_password\":\"quartz-lantern-meadow-97\",\"refresh\":\""
                        + other.cookie(REFRESH).orElseThrow() + "\"}",
                "{\"current_password\":\"" + Accounts.PASSWORD + "\",\"new_password\":\"quartz-lantern-meadow-97\",\"refresh\":\"x\"}")) {
            int status = api.postJson("api/me/password", body).status();
            assertTrue(status == 400 || status == 403, "refused: " + status + " for " + body);
        }
        assertEquals(403, api.postJson("api/me/sign-out-everywhere", "{\"refresh\":\"" + other.cookie(REFRESH).orElseThrow()
                + "\"}").status());
        assertEquals(400, api.postJson("api/me/sign-out-everywhere", "{}").status(), "refresh is required");
        assertEquals(200, api.get("api/me").status(), "the token still reads");
        assertEquals(302, Accounts.login(browser(), email, Accounts.PASSWORD, null).status(), "nothing changed");
    }

    @Test
    default void accessTokensIssuedBeforeSignOutEverywhereOrAPasswordChangeAreRefusedHere() throws Exception {
        String email = Accounts.newEmail();
        Browser person = newPerson(email);
        Browser laptop = signedIn(email, Accounts.PASSWORD);
        String laptopAccess = laptop.cookie(ACCESS).orElseThrow();

        Page account = person.get("account");
        Page changed = person.submit(account, "password_form", Map.of("current_password", Accounts.PASSWORD,
                "new_password", "quartz-lantern-meadow-97", "confirm_password", "quartz-lantern-meadow-97"), "change_password");
        assertTrue(changed.messages().contains("Your password was changed. Every other sign-in of yours has been signed out."),
                changed.body());
        assertTrue(changed.setCookie(ACCESS).isPresent(), "this device gets a new access cookie");
        assertEquals(200, person.get("account").status(), "and stays signed in");
        Browser stale = browser();
        stale.setCookie(ACCESS, laptopAccess);
        assertEquals(302, stale.get("account").status(), "the laptop's unexpired access token is refused at once");
        assertEquals(401, browser().header("Authorization", "Bearer " + laptopAccess).get("api/me").status());
        assertEquals(401, browser().postJson("api/token/verify", "{\"token\":\"" + laptopAccess + "\"}").status(),
                "and the auth host's verify endpoint says so too");

        String before = person.cookie(ACCESS).orElseThrow();
        Page everywhere = person.submit(person.get("account"), "signout_all_form", Map.of(), "signout_all");
        assertEquals(302, everywhere.status(), everywhere.body());
        Browser replay = browser();
        replay.setCookie(ACCESS, before);
        assertEquals(302, replay.get("account").status(), "signed out everywhere: the old access token is refused here");
    }

    @Test
    default void aServiceThatNeverReceivesTheCookieGetsTheFormInsteadOfALoop() throws Exception {
        Browser browser = newPerson(Accounts.newEmail());
        String next = "login?next=" + java.net.URLEncoder.encode("https://app.example.test/", StandardCharsets.UTF_8);
        List<Integer> statuses = new ArrayList<>();
        Page[] loopPage = new Page[1];
        for (int i = 0; i < 5; i++) {
            browser.dropCookie(ACCESS); // the service never sees it and sends the browser back
            Page answer = browser.get(next);
            statuses.add(answer.status());
            if (answer.status() == 200) {
                loopPage[0] = answer;
            }
        }
        assertEquals(List.of(302, 302, 302, 200, 302), statuses, "three silent refreshes in a row, then the form once");
        Page form = loopPage[0];
        assertTrue(form.messages().stream().anyMatch(m -> m.contains("did not receive your sign-in")), form.messages().toString());
        assertNotEquals(null, form.document().getElementById("login_form"));
        assertTrue(Logs.shows(this::serverLog, "\"outcome\":\"redirect-loop\""), "audited");
    }
}
