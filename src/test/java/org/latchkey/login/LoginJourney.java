package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.SetCookie;

/**
 * The core flow through the real pages — register, log in, cookies, account, refresh, logout — and the hardening
 * around it. One class of tests for every server: {@link LoginFlowIT} runs it on Payara Micro (Arquillian),
 * {@code WildFlyLoginFlowIT} on WildFly, each with the built WAR and {@link #SETTINGS}.
 */
abstract class LoginJourney {

    static final String ACCESS = "__Secure-latchkey.access"; // cookies are Secure in these tests
    static final String REFRESH = "__Host-latchkey.refresh";
    static final String FORM = "__Host-latchkey.form";
    static final String SESSION = "__Host-JSESSIONID";

    /** The settings every server runs these tests with (arquillian.xml gives Payara Micro the same). */
    static final java.util.Map<String, String> SETTINGS = java.util.Map.of("latchkey.cookie.domain", "example.test",
            "latchkey.password.bcrypt-cost", "8", "latchkey.session.refresh-grace", "PT2S",
            "latchkey.throttle.max-delay", "PT4S", "latchkey.throttle.client-failures", "1000");

    /** Where the server under test serves Latchkey, ending in '/'. */
    abstract URI base() throws Exception;

    private Browser browser() throws Exception {
        return new Browser(base());
    }

    /** A browser holding the cookies of a new person who just signed in. */
    private Browser signedIn() throws Exception {
        Browser browser = browser();
        String email = Accounts.newEmail();
        assertEquals(302, Accounts.register(browser, email, null).status());
        assertEquals(302, Accounts.login(browser, email, Accounts.PASSWORD, null).status());
        return browser;
    }

    @Test
    void registerLoginAccountLogout() throws Exception {
        Browser browser = browser();
        String email = Accounts.newEmail();

        String accountPath = base().getPath() + "account";
        Page registered = Accounts.register(browser, email, accountPath);
        assertEquals(302, registered.status(), registered.body());
        assertTrue(registered.location().endsWith("/login?next=" + URLEncoder.encode(accountPath, StandardCharsets.UTF_8)),
                registered.location());
        Page loginPage = browser.get(registered.location());
        assertEquals(List.of("Your account was created. Please log in."), loginPage.messages());
        assertEquals(accountPath, loginPage.document().getElementById("next").attr("value"), "next is kept");

        Page loggedIn = browser.submit(loginPage, "login_form",
                java.util.Map.of("email", email.toUpperCase(), "password", Accounts.PASSWORD), "login");
        assertEquals(302, loggedIn.status());
        assertEquals(base().resolve("account"), URI.create(loggedIn.location()));
        SetCookie access = loggedIn.setCookie(ACCESS).orElseThrow();
        assertEquals("example.test", access.domain(), "access cookie goes to the parent domain");
        assertEquals("/", access.attribute("Path"));
        assertEquals("300", access.attribute("Max-Age"));
        assertTrue(access.has("HttpOnly"));
        assertTrue(access.has("Secure"));
        assertEquals("Lax", access.attribute("SameSite"));
        SetCookie refresh = loggedIn.setCookie(REFRESH).orElseThrow();
        assertNull(refresh.domain(), "refresh cookie is host-only");
        assertEquals("/", refresh.attribute("Path"));
        assertEquals("432000", refresh.attribute("Max-Age"));
        assertTrue(refresh.has("HttpOnly") && refresh.has("Secure"));
        assertEquals("Lax", refresh.attribute("SameSite"));
        assertEquals("no-store", loggedIn.header("Cache-Control").orElse(""));

        Page account = browser.get("account");
        assertEquals(200, account.status());
        assertEquals("Ada Lovelace", account.document().getElementById("name").text());
        assertEquals(email, account.document().getElementById("email").text());
        assertEquals("user", account.document().getElementById("roles").text());

        Page confirm = browser.get("logout");
        assertEquals(200, confirm.status());
        assertTrue(confirm.setCookie(ACCESS).isEmpty() && confirm.setCookie(REFRESH).isEmpty(), "GET /logout only asks");
        String oldRefresh = browser.cookie(REFRESH).orElseThrow();
        Page loggedOut = browser.submit(confirm, "logout_form", java.util.Map.of(), "logout");
        assertEquals(302, loggedOut.status());
        assertTrue(loggedOut.location().endsWith("/login"), loggedOut.location());
        SetCookie clearedAccess = loggedOut.setCookie(ACCESS).orElseThrow();
        SetCookie clearedRefresh = loggedOut.setCookie(REFRESH).orElseThrow();
        assertEquals("0", clearedAccess.attribute("Max-Age"));
        assertEquals("example.test", clearedAccess.domain(), "deleted with the Domain it was set with");
        assertEquals("/", clearedAccess.attribute("Path"));
        assertEquals("0", clearedRefresh.attribute("Max-Age"));
        assertNull(clearedRefresh.domain());
        assertFalse(browser.cookie(ACCESS).isPresent());
        assertEquals(List.of("You are now signed out."), browser.get(loggedOut.location()).messages());

        Page anonymous = browser.get("account");
        assertEquals(302, anonymous.status());
        assertTrue(anonymous.location().endsWith("/login?next=" + URLEncoder.encode(accountPath, StandardCharsets.UTF_8)),
                anonymous.location());

        browser.setCookie(REFRESH, oldRefresh);
        Page afterLogout = browser.get("login");
        assertEquals(200, afterLogout.status(), "the revoked refresh token refreshes nothing: the form is shown");
        assertTrue(afterLogout.setCookie(ACCESS).map(SetCookie::deletes).orElse(true));
        assertTrue(afterLogout.document().getElementById("login_form") != null);
    }

    @Test
    void silentRefreshRotatesAndGoesStraightToNext() throws Exception {
        Browser browser = signedIn();
        String firstAccess = browser.cookie(ACCESS).orElseThrow();
        String firstRefresh = browser.cookie(REFRESH).orElseThrow();
        browser.dropCookie(ACCESS); // as when the access cookie's five minutes are up

        String next = "https://app.example.test/dashboard?x=1";
        Page refreshed = browser.get("login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        assertEquals(302, refreshed.status(), "no form: " + refreshed.body());
        assertEquals(next, refreshed.location());
        assertNotEquals(firstAccess, browser.cookie(ACCESS).orElseThrow());
        assertNotEquals(firstRefresh, browser.cookie(REFRESH).orElseThrow(), "the refresh token is rotated");
        assertEquals("no-store", refreshed.header("Cache-Control").orElse(""));
        assertEquals(200, browser.get("account").status());

        String successor = browser.cookie(REFRESH).orElseThrow();

        // a parallel tab still holding the old token, inside the grace window: the same successor, nobody logged out
        Browser parallelTab = browser();
        parallelTab.setCookie(REFRESH, firstRefresh);
        Page sameSuccessor = parallelTab.get("login");
        assertEquals(302, sameSuccessor.status());
        assertEquals(successor, parallelTab.cookie(REFRESH).orElseThrow(), "the same successor, not a second one");

        Thread.sleep(3_000); // past the test's 2-second grace window
        Browser thief = browser();
        thief.setCookie(REFRESH, firstRefresh);
        Page replay = thief.get("login");
        assertEquals(200, replay.status(), "a retired token replayed after the grace window refreshes nothing");
        Page victim = browser.get("login");
        assertEquals(200, victim.status(), "reuse revoked the whole family, the newest token included");
    }

    @Test
    void concurrentRefreshesWithOneTokenGetOneSuccessor() throws Exception {
        Browser browser = signedIn();
        String refresh = browser.cookie(REFRESH).orElseThrow();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<Browser>> tabs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tabs.add(pool.submit(() -> {
                Browser tab = browser();
                tab.setCookie(REFRESH, refresh);
                Page page = tab.get("login");
                assertEquals(302, page.status(), "no tab is logged out by the race");
                return tab;
            }));
        }
        java.util.Set<String> successors = new java.util.HashSet<>();
        for (java.util.concurrent.Future<Browser> tab : tabs) {
            successors.add(tab.get().cookie(REFRESH).orElseThrow());
        }
        pool.shutdown();
        assertEquals(1, successors.size(), "one token, one successor: " + successors.size());
        assertTrue(!successors.contains(refresh));
        Browser next = browser();
        next.setCookie(REFRESH, successors.iterator().next());
        assertEquals(302, next.get("login").status(), "the successor refreshes");
    }

    @Test
    void securityHeadersOnEveryKindOfResponse() throws Exception {
        Browser browser = browser();
        Page form = browser.get("login");
        List<Page> pages = List.of(form, browser.get("account"), browser.get("no-such-page"), browser.get("register"),
                browser.get("logout"), Accounts.login(browser(), Accounts.newEmail(), "wrong-password-1", null));
        for (Page page : pages) {
            String where = page.uri() + " (" + page.status() + ")";
            String csp = page.header("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"), where + ": " + csp);
            assertFalse(csp.contains("unsafe-inline"), where);
            assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""), where);
            assertEquals("strict-origin-when-cross-origin", page.header("Referrer-Policy").orElse(""), where);
            assertTrue(page.header("Strict-Transport-Security").orElse("").startsWith("max-age="), where);
            assertEquals("no-store", page.header("Cache-Control").orElse(""), where);
            if (page.status() == 200) {
                assertEquals(List.of(), page.document().select("script:not([src])").eachText(), "no inline script: " + where);
                assertTrue(page.document().select("*").stream().flatMap(e -> e.attributes().asList().stream())
                        .noneMatch(a -> a.getKey().startsWith("on")), "no inline event handlers: " + where);
            }
        }
        String css = form.document().select("link[rel=stylesheet]").attr("href");
        Page stylesheet = browser.get(base().resolve(css).toString());
        assertEquals(200, stylesheet.status());
        assertEquals("nosniff", stylesheet.header("X-Content-Type-Options").orElse(""));
    }

    @Test
    void crossSitePostsWithoutTheFormsTokenChangeNothing() throws Exception {
        Browser victim = signedIn();
        Page account = victim.get("account");
        String refresh = victim.cookie(REFRESH).orElseThrow();
        assertTrue(account.document().select("input[name=jakarta.faces.ViewState]").val().length() > 20,
                "a signed-in page's forms are guarded by server-kept view state");

        // a page elsewhere makes the browser POST to /logout (stateless): the victim's cookies, no form token
        Page noToken = victim.post("logout", java.util.Map.of("logout_form", "logout_form", "logout", "Sign out",
                "jakarta.faces.ViewState", "stateless"));
        assertEquals(403, noToken.status());
        assertTrue(noToken.body().contains("Form not accepted"), noToken.body());
        assertTrue(noToken.setCookie(ACCESS).isEmpty() && noToken.setCookie(REFRESH).isEmpty(), "not signed out");
        // the attacker's own form, token and all, posted from the victim's browser: not the victim's cookie
        Browser attacker = browser();
        java.util.Map<String, String> attackersForm = hiddenFields(attacker.get("logout"), "logout_form");
        assertEquals(attacker.cookie(FORM).orElseThrow(), attackersForm.get("latchkey_form"));
        attackersForm.put("logout", "Sign out");
        Page foreign = victim.post("logout", attackersForm);
        assertEquals(403, foreign.status());
        assertTrue(foreign.setCookie(ACCESS).isEmpty() && foreign.setCookie(REFRESH).isEmpty(), "not signed out");
        // the victim's real token, but the cookie gone (SameSite=Lax keeps it off cross-site posts)
        String victimsToken = hiddenFields(victim.get("logout"), "logout_form").get("latchkey_form");
        Browser cookieless = browser();
        for (String name : java.util.List.of(ACCESS, REFRESH)) {
            cookieless.setCookie(name, victim.cookie(name).orElseThrow());
        }
        Page withoutCookie = cookieless.post("logout", java.util.Map.of("logout_form", "logout_form", "logout", "Sign out",
                "jakarta.faces.ViewState", "stateless", "latchkey_form", victimsToken));
        assertEquals(403, withoutCookie.status());
        assertEquals(refresh, victim.cookie(REFRESH).orElseThrow());
        assertEquals(200, victim.get("account").status(), "still signed in");

        // login CSRF: the attacker's own credentials and own form, posted from another browser, sign nobody in
        String attackersEmail = Accounts.newEmail();
        assertEquals(302, Accounts.register(attacker, attackersEmail, null).status());
        java.util.Map<String, String> forged = hiddenFields(attacker.get("login"), "login_form");
        forged.putAll(java.util.Map.of("email", attackersEmail, "password", Accounts.PASSWORD, "login", "Sign in"));
        Browser other = browser();
        assertEquals(200, other.get("login").status()); // it has a form cookie of its own
        Page forgedLogin = other.post("login", forged);
        assertEquals(403, forgedLogin.status());
        assertTrue(forgedLogin.setCookie(ACCESS).isEmpty() && forgedLogin.setCookie(REFRESH).isEmpty());
        Page noCookieLogin = browser().post("login", forged);
        assertEquals(403, noCookieLogin.status());
        assertTrue(noCookieLogin.setCookie(ACCESS).isEmpty());
        // the same form from the attacker's own browser works: the refusals above were the token's doing
        assertEquals(302, attacker.post("login", forged).status());
    }

    @Test
    void pagesAnyoneMayOpenKeepNothingOnTheServer() throws Exception {
        Browser browser = browser();
        String token = null;
        for (String path : java.util.List.of("login", "register", "password-reset", "logout",
                "password-reset/new-password?token=nonsense", "verify-email?token=nonsense")) {
            Page page = browser.get(path);
            assertEquals(200, page.status(), path);
            assertTrue(page.headers().keySet().stream().filter(h -> h.equalsIgnoreCase("Set-Cookie"))
                    .flatMap(h -> page.headers().get(h).stream()).noneMatch(c -> c.contains("JSESSIONID")),
                    "no server session for " + path + ": " + page.headers());
            java.util.Optional<SetCookie> form = page.setCookie(FORM);
            if (token == null) {
                SetCookie first = form.orElseThrow(() -> new AssertionError("a form cookie at the first page"));
                assertTrue(first.has("HttpOnly") && first.has("Secure"), first.toString());
                assertEquals("/", first.attribute("Path"));
                assertNull(first.domain(), "host-only");
                assertTrue("Lax".equalsIgnoreCase(first.attribute("SameSite")), first.toString());
                assertNull(first.attribute("Max-Age"), "for this browser session only");
                token = first.value();
                assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
            } else {
                assertTrue(form.isEmpty(), "the cookie is set once: " + path);
            }
            for (org.jsoup.nodes.Element f : page.document().select("form")) {
                assertEquals(token, f.select("input[name=latchkey_form]").val(), path);
                assertEquals("stateless", f.select("input[name=jakarta.faces.ViewState]").val(), path);
            }
        }
        // a form sent with its token but refused on its merits is shown again, still without a session
        Page wrong = browser.submit(browser.get("login"), "login_form",
                java.util.Map.of("email", Accounts.newEmail(), "password", "not the password"), "login");
        assertEquals(200, wrong.status());
        assertFalse(wrong.messages().isEmpty(), wrong.body());
        assertTrue(wrong.setCookie(SESSION).isEmpty());
        assertEquals(token, wrong.document().select("#login_form input[name=latchkey_form]").val());
        // a planted cookie of the wrong shape is replaced, not echoed
        Browser planted = browser();
        planted.setCookie(FORM, "<script>");
        Page replaced = planted.get("login");
        assertNotEquals("<script>", replaced.setCookie(FORM).orElseThrow().value());
        assertFalse(replaced.body().contains("<script>"));
    }

    private static java.util.Map<String, String> hiddenFields(Page page, String formId) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put(formId, formId);
        for (org.jsoup.nodes.Element input : page.document().select("#" + formId + " input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        return fields;
    }

    @Test
    void theSessionCookieIsLockedDownAndRenewedAtLogin() throws Exception {
        String email = Accounts.newEmail();
        String other = Accounts.newEmail();
        Accounts.register(browser(), email, null);
        Accounts.register(browser(), other, null);
        Browser browser = browser();
        assertEquals(302, Accounts.login(browser, email, Accounts.PASSWORD, null).status());
        Page account = browser.get("account"); // a signed-in page with forms: its view state is kept in a session
        SetCookie session = account.setCookie(SESSION).orElseThrow(); // Secure: the __Host- name
        assertTrue(session.has("HttpOnly") && session.has("Secure"), session.toString());
        assertEquals("/", session.attribute("Path"), "__Host- cookies need Path=/");
        assertNull(session.domain(), "and no Domain");
        assertTrue("Lax".equalsIgnoreCase(session.attribute("SameSite")), session.toString());
        assertFalse(account.body().contains(";jsessionid="), "cookie-only sessions");
        String before = browser.cookie(SESSION).orElseThrow();
        browser.dropCookie(ACCESS);
        browser.dropCookie(REFRESH);
        Page form = browser.get("login");
        Page loggedIn = browser.submit(form, "login_form", java.util.Map.of("email", other, "password", Accounts.PASSWORD), "login");
        assertEquals(302, loggedIn.status());
        assertNotEquals(before, browser.cookie(SESSION).orElseThrow(), "a new session id at login");
    }

    @Test
    void bruteForceIsSlowedDownForThatAccountOnly() throws Exception {
        String email = Accounts.newEmail();
        String other = Accounts.newEmail();
        Accounts.register(browser(), email, null);
        Accounts.register(browser(), other, null);
        Browser attacker = browser();
        String lastMessage = "";
        for (int i = 0; i < 30; i++) {
            Page page = Accounts.login(attacker, email, "wrong-password-" + i, null);
            assertEquals(200, page.status());
            lastMessage = String.join(" ", page.messages());
            if (i % 10 == 0) {
                assertEquals(302, Accounts.login(browser(), other, Accounts.PASSWORD, null).status(),
                        "the other account is unaffected, attempt " + i);
            }
        }
        // A wait may be almost over by now: keep guessing until one failure counts again (the wait has ended), so a
        // fresh full wait (max-delay, 4 s here) starts right now and the checks below run inside it.
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (String.join(" ", Accounts.login(attacker, email, "wrong-password-more", null).messages()).contains("Please wait")) {
            assertTrue(System.nanoTime() < giveUp, "a wait ends: there is no permanent lockout");
            Thread.sleep(100);
        }
        lastMessage = String.join(" ", Accounts.login(attacker, email, "wrong-password-again", null).messages());
        java.util.regex.Matcher wait = java.util.regex.Pattern.compile("Please wait (\\d+) seconds?").matcher(lastMessage);
        assertTrue(wait.find(), "the form says how long to wait: " + lastMessage);
        Page duringWait = Accounts.login(browser(), email, Accounts.PASSWORD, null);
        assertEquals(200, duringWait.status(), "the right password during the wait is refused too: "
                + duringWait.header("Location").orElse("") + " " + duringWait.messages());
        assertTrue(duringWait.setCookie(ACCESS).isEmpty());
        assertTrue(String.join(" ", duringWait.messages()).contains("Please wait"));
        Thread.sleep((Long.parseLong(wait.group(1)) + 1) * 1000);
        assertEquals(302, Accounts.login(browser(), email, Accounts.PASSWORD, null).status(), "after the wait it works");
    }

    @Test
    void unknownEmailAndWrongPasswordTakeTheSameTime() throws Exception {
        int tries = 40;
        List<String> known = new ArrayList<>();
        for (int i = 0; i < tries; i++) { // one attempt per account, so throttling never answers instead
            String email = Accounts.newEmail();
            Accounts.register(browser(), email, null);
            known.add(email);
        }
        long[] wrongPassword = new long[tries];
        long[] unknownEmail = new long[tries];
        for (int i = 0; i < tries; i++) { // interleaved, so drift affects both alike; the order alternates, because
            // the first of two back-to-back logins measured slower in 6 of 8 CI runs, whichever kind it was
            if (i % 2 == 0) {
                wrongPassword[i] = timedFailure(known.get(i));
                unknownEmail[i] = timedFailure(Accounts.newEmail());
            } else {
                unknownEmail[i] = timedFailure(Accounts.newEmail());
                wrongPassword[i] = timedFailure(known.get(i));
            }
        }
        java.util.Arrays.sort(wrongPassword);
        java.util.Arrays.sort(unknownEmail);
        double a = wrongPassword[tries / 2];
        double b = unknownEmail[tries / 2];
        System.out.printf("FIGURES login failure medians: wrong password %.1f ms, unknown email %.1f ms%n", a / 1e6, b / 1e6);
        assertTrue(Math.abs(a - b) / Math.max(a, b) <= 0.10, "medians within 10 %: " + a / 1e6 + " vs " + b / 1e6 + " ms");
    }

    private long timedFailure(String email) throws Exception {
        Browser browser = browser();
        Page form = browser.get("login");
        long start = System.nanoTime();
        Page page = browser.submit(form, "login_form", java.util.Map.of("email", email, "password", "not-the-password-1"), "login");
        long elapsed = System.nanoTime() - start;
        assertEquals(200, page.status());
        assertEquals(List.of("Please enter a correct email address and password."), page.messages());
        return elapsed;
    }

    /** One person, signed in on two devices: two refresh families. */
    private static void signInTwice(String email, Browser laptop, Browser phone) throws Exception {
        assertEquals(302, Accounts.register(laptop, email, null).status());
        assertEquals(302, Accounts.login(laptop, email, Accounts.PASSWORD, null).status());
        assertEquals(302, Accounts.login(phone, email, Accounts.PASSWORD, null).status());
    }

    @Test
    void changingThePasswordEndsTheOtherSignInsOnly() throws Exception {
        String email = Accounts.newEmail();
        Browser laptop = browser();
        Browser phone = browser();
        signInTwice(email, laptop, phone);
        String phoneRefresh = phone.cookie(REFRESH).orElseThrow();

        Page wrong = laptop.submit(laptop.get("account"), "password_form", java.util.Map.of("current_password",
                "not-it-1", "new_password", "quartz-meadow-lantern-7", "confirm_password", "quartz-meadow-lantern-7"),
                "change_password");
        assertEquals(List.of("Your current password is not correct."), wrong.fieldErrors("current_password"));
        Page weak = laptop.submit(laptop.get("account"), "password_form", java.util.Map.of("current_password",
                Accounts.PASSWORD, "new_password", "password1", "confirm_password", "password1"), "change_password");
        assertTrue(weak.fieldErrors("new_password").stream().anyMatch(m -> m.contains("too common")), weak.fieldErrors("new_password").toString());
        assertEquals(302, Accounts.login(browser(), email, Accounts.PASSWORD, null).status(), "nothing changed yet");

        Page changed = laptop.submit(laptop.get("account"), "password_form", java.util.Map.of("current_password",
                Accounts.PASSWORD, "new_password", "quartz-meadow-lantern-7", "confirm_password", "quartz-meadow-lantern-7"),
                "change_password");
        assertEquals(List.of("Your password was changed. Every other sign-in of yours has been signed out."), changed.messages());
        assertEquals(200, Accounts.login(browser(), email, Accounts.PASSWORD, null).status(), "the old password is gone");
        assertEquals(302, Accounts.login(browser(), email, "quartz-meadow-lantern-7", null).status());
        phone.dropCookie(ACCESS);
        phone.setCookie(REFRESH, phoneRefresh);
        assertEquals(200, phone.get("login").status(), "the phone's sign-in ended");
        laptop.dropCookie(ACCESS);
        assertEquals(302, laptop.get("login").status(), "the laptop, where the change was made, stays signed in");
    }

    @Test
    void signOutEverywhereEndsEverySignIn() throws Exception {
        String email = Accounts.newEmail();
        Browser laptop = browser();
        Browser phone = browser();
        signInTwice(email, laptop, phone);
        String laptopRefresh = laptop.cookie(REFRESH).orElseThrow();
        Page out = laptop.submit(laptop.get("account"), "signout_all_form", java.util.Map.of(), "signout_all");
        assertEquals(302, out.status());
        assertTrue(out.setCookie(ACCESS).orElseThrow().deletes() && out.setCookie(REFRESH).orElseThrow().deletes());
        assertEquals(List.of("You are signed out everywhere."), laptop.get("login").messages());
        phone.dropCookie(ACCESS);
        assertEquals(200, phone.get("login").status(), "the phone's refresh token no longer refreshes");
        Browser replay = browser();
        replay.setCookie(REFRESH, laptopRefresh);
        assertEquals(200, replay.get("login").status());
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() throws Exception {
        Browser browser = browser();
        String email = Accounts.newEmail();
        Accounts.register(browser, email, null);
        Page wrong = Accounts.login(browser, email, "not-the-password-1", null);
        Page unknown = Accounts.login(browser, Accounts.newEmail(), "not-the-password-1", null);
        Page empty = Accounts.login(browser, "", "", null);
        assertEquals(200, wrong.status());
        assertEquals(200, unknown.status());
        assertEquals(List.of("Please enter a correct email address and password."), wrong.messages());
        assertEquals(wrong.messages(), unknown.messages());
        assertTrue(wrong.setCookie(ACCESS).isEmpty() && unknown.setCookie(ACCESS).isEmpty());
        assertEquals(List.of("Enter your email address."), empty.fieldErrors("email"));
        assertEquals(List.of("Enter your password."), empty.fieldErrors("password"));
        assertEquals(200, Accounts.login(browser, "x".repeat(10_000), "y".repeat(10_000), null).status());
    }

    @Test
    void forgedOrGarbageAccessCookieIsNotTrusted() throws Exception {
        Browser browser = signedIn();
        String token = browser.cookie(ACCESS).orElseThrow();
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"user_is_superuser\":false", "\"user_is_superuser\":true");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        Browser attacker = browser();
        for (String value : List.of(forged, parts[0] + "." + parts[1] + ".", "garbage", "a".repeat(3000))) {
            attacker.setCookie(ACCESS, value);
            Page page = attacker.get("account");
            assertEquals(302, page.status(), "refused: " + value.substring(0, Math.min(40, value.length())));
            assertTrue(page.location().contains("/login?next="));
        }
    }

    @Test
    void hostileNextIsNeverFollowedAfterLoginOrSilentRefresh() throws Exception {
        Browser browser = browser();
        String email = Accounts.newEmail();
        Accounts.register(browser, email, null);
        URI fallback = base().resolve("account");
        List<String> followed = new ArrayList<>();
        List<String> hostile = new ArrayList<>(RedirectPolicyTest.HOSTILE);
        hostile.add("%2F%2Fevil.example"); // arrives decoded once as //evil.example
        hostile.add("https%3A%2F%2Fevil.example");
        for (String next : hostile) {
            browser.dropCookie(ACCESS);
            browser.dropCookie(REFRESH);
            Page form = browser.get("login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            Page posted = browser.submit(form, "login_form", java.util.Map.of("email", email, "password", Accounts.PASSWORD), "login");
            if (posted.status() != 302 || !URI.create(posted.location()).equals(fallback)) {
                followed.add("form " + next + " -> " + posted.status() + " " + posted.header("Location").orElse(""));
            }
            Page refreshed = browser.get("login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            if (refreshed.status() != 302 || !URI.create(refreshed.location()).equals(fallback)) {
                followed.add("refresh " + next + " -> " + refreshed.status() + " " + refreshed.header("Location").orElse(""));
            }
        }
        assertEquals(List.of(), followed);
    }
}
