package org.latchkey.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.latchkey.support.Accounts;
import org.latchkey.support.DownstreamWar;
import org.latchkey.support.Inbox;
import org.latchkey.support.PayaraMicroProcess;
import org.latchkey.token.TestKeys;
import org.openqa.selenium.Cookie;

/**
 * Single sign-on as a person meets it, in a real Chromium: Latchkey at {@code auth.example.test}, a service that
 * trusts its cookie at {@code app.example.test}, the cookie on the parent domain {@code example.test}. Access tokens
 * live three seconds here, so expiry and the silent refresh happen inside a test.
 */
class BrowserFlowIT {

    static final String ACCESS = "latchkey.access";
    static final String REFRESH = "latchkey.refresh";
    static final String KEY = TestKeys.random();
    /** The first superuser, with a password made up for this run. */
    static final String ADMIN_EMAIL = Accounts.newEmail();
    static final String ADMIN_PASSWORD = TestKeys.random().substring(0, 24);
    static PayaraMicroProcess latchkey;
    static PayaraMicroProcess app;
    static URI auth;
    static URI appHome;
    static Inbox inbox;

    /**
     * Mail through a session the server provides ({@code create-javamail-resource … mail/latchkey} in the post-boot
     * commands, as the README shows for Payara), to GreenMail; links on {@code auth.example.test}.
     */
    @BeforeAll
    static void startServices() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        inbox = new Inbox();
        Path postBoot = testDir.resolve("browser-post-boot.asadmin");
        Files.writeString(postBoot, Files.readString(Path.of(System.getProperty("latchkey.postBoot",
                "payara-config/post-boot-commands.asadmin"))) + "\ncreate-javamail-resource --mailhost 127.0.0.1"
                + " --mailuser latchkey --fromaddress no-reply@example.test --property mail.smtp.port=" + inbox.port()
                + " mail/latchkey\n");
        int port = PayaraMicroProcess.reservePort();
        auth = URI.create("http://auth.example.test:" + port + "/");
        latchkey = PayaraMicroProcess.start("browser-latchkey", Files.createTempDirectory(testDir, "browser-data"), postBoot,
                Map.of("JWT_SIGNING_KEY", KEY, "latchkey.cookie.secure", "false", "latchkey.cookie.domain", "example.test",
                        "latchkey.password.bcrypt-cost", "8", "latchkey.jwt.access-lifetime", "PT3S",
                        "latchkey.jwt.leeway", "PT0S", "latchkey.public-url", auth.toString(),
                        "latchkey.admin.email", ADMIN_EMAIL, "latchkey.admin.password", ADMIN_PASSWORD), port);
        app = PayaraMicroProcess.startApp("browser-app", DownstreamWar.export(testDir.resolve("browser-app.war")), "public",
                Map.of("JWT_SIGNING_KEY", KEY, "latchkey.login-url", auth + "login", "latchkey.jwt.leeway", "PT0S",
                        "latchkey.cookie.secure", "false"));
        appHome = URI.create("http://app.example.test:" + app.base().getPort() + "/home");
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (app != null) {
            app.close();
        }
        if (latchkey != null) {
            latchkey.close();
        }
        if (inbox != null) {
            inbox.close();
        }
    }

    @Test
    void aForgottenPasswordIsResetFromTheLinkInTheMail(TestInfo test) throws Exception {
        String email = Accounts.newEmail();
        try (Chromium browser = Chromium.start(name(test))) {
            browser.open(auth.resolve("register"));
            RegisterPage.at(browser).register("Ada", "Lovelace", email, Accounts.PASSWORD, Accounts.PASSWORD);
            ResetPage reset = LoginPage.at(browser).forgotPassword();
            assertEquals(List.of("If an account uses that address, we have sent a link to it. It works once, for 30 minutes."),
                    reset.send(email).messages());
            Inbox.Mail mail = inbox.latest(email, 1);
            assertEquals("no-reply@example.test", mail.from(), "sent through the server's mail/latchkey session");
            assertTrue(latchkey.log().contains("Latchkey mail: the server's mail session mail/latchkey"));

            browser.open(URI.create(mail.link())); // followed from the received mail, as the person would
            NewPasswordPage form = NewPasswordPage.at(browser);
            assertTrue(form.showsTheForm());
            form.save("amber-quiver-lattice-58");
            AccountPage account = AccountPage.at(browser);
            assertEquals("Ada Lovelace", account.headerName(), "signed in");
            assertTrue(account.messages().get(0).startsWith("Your password was reset"), account.messages().toString());

            browser.open(URI.create(mail.link()));
            NewPasswordPage again = NewPasswordPage.at(browser);
            assertFalse(again.showsTheForm(), "the link worked once");
            assertTrue(again.messages().get(0).startsWith("This link no longer works"));
            assertEquals("Your Latchkey password was reset", inbox.latest(email, 2).subject(), "and a notice followed");
        }
        try (Chromium other = Chromium.start(name(test) + "-new-password")) {
            other.open(auth.resolve("login"));
            LoginPage.at(other).signIn(email, "amber-quiver-lattice-58");
            assertEquals("Ada Lovelace", AccountPage.at(other).headerName(), "the new password signs in");
        }
    }

    @Test
    void theAppSendsANewPersonThroughRegistrationAndLoginAndBack(TestInfo test) throws Exception {
        try (Chromium browser = Chromium.start(name(test))) {
            browser.open(appHome);
            LoginPage login = LoginPage.at(browser);
            assertEquals(auth.getHost(), browser.url().getHost(), "sent to the auth service");
            assertEquals(appHome.toString(), login.next(), "with the way back");
            RegisterPage register = login.createAnAccount();
            assertEquals(appHome.toString(), register.next(), "the register link keeps next");

            String email = Accounts.newEmail();
            register.register("Ada", "Lovelace", email, Accounts.PASSWORD, Accounts.PASSWORD);
            LoginPage afterRegistration = LoginPage.at(browser);
            assertEquals(List.of("Your account was created. Please log in."), afterRegistration.messages(),
                    "the success message survived the redirect");
            assertEquals(appHome.toString(), afterRegistration.next());

            afterRegistration.signIn(email, Accounts.PASSWORD);
            AppPage home = AppPage.at(browser);
            assertEquals(appHome.getAuthority(), browser.url().getAuthority(), "back on the app");
            assertEquals("Hello, Ada Lovelace", home.greeting());
            assertTrue(browser.cookie(ACCESS).isPresent(), "the app's host sees the parent-domain access cookie");
            assertFalse(browser.cookie(REFRESH).isPresent(), "the refresh cookie never reaches the app's host");

            browser.open(auth.resolve("account"));
            AccountPage account = AccountPage.at(browser);
            assertEquals("Ada Lovelace", account.headerName(), "the header says who is signed in");
            assertEquals(email, account.email());
            assertTrue(browser.cookie(REFRESH).isPresent(), "the refresh cookie stays on the auth host");
        }
    }

    @Test
    void pastTheAccessLifetimeAReloadComesBackSilentlyWithANewCookie(TestInfo test) throws Exception {
        try (Chromium browser = Chromium.start(name(test))) {
            signedInOnTheApp(browser, "Grace", "Hopper");
            String first = browser.cookie(ACCESS).orElseThrow();
            Thread.sleep(4_500); // the access token lives 3 s
            browser.driver().navigate().refresh();
            AppPage home = AppPage.at(browser); // no interaction: a form on the way would have stopped here
            assertEquals(appHome.getAuthority(), browser.url().getAuthority());
            assertEquals("Hello, Grace Hopper", home.greeting());
            String second = browser.cookie(ACCESS).orElseThrow();
            assertNotEquals(first, second, "a new access cookie");
        }
    }

    @Test
    void signingOutThroughTheConfirmationPageEndsItEverywhere(TestInfo test) throws Exception {
        try (Chromium browser = Chromium.start(name(test))) {
            signedInOnTheApp(browser, "Katherine", "Johnson");
            browser.open(auth.resolve("account"));
            LogoutPage logout = AccountPage.at(browser).signOutFromHeader();
            assertEquals("Sign out of every service on this domain?", logout.question());
            logout.confirm();
            LoginPage login = LoginPage.at(browser);
            assertEquals(List.of("You are now signed out."), login.messages());
            assertFalse(browser.cookie(ACCESS).isPresent(), "no access cookie on the auth host");
            assertFalse(browser.cookie(REFRESH).isPresent(), "no refresh cookie on the auth host");

            browser.open(appHome);
            LoginPage again = LoginPage.at(browser);
            assertEquals(appHome.toString(), again.next(), "the app sends the person to sign in again");
            browser.open(appHome.resolve("public"));
            assertFalse(browser.cookie(ACCESS).isPresent(), "and the app's host holds no access cookie either");
        }
    }

    @Test
    void aTamperedAccessCookieIsRefused(TestInfo test) throws Exception {
        String genuine;
        try (Chromium victim = Chromium.start(name(test) + "-genuine")) {
            signedInOnTheApp(victim, "Mary", "Jackson");
            genuine = victim.cookie(ACCESS).orElseThrow();
        }
        String[] parts = genuine.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"Mary\"", "\"Mallory\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertNotEquals(genuine, forged);
        try (Chromium attacker = Chromium.start(name(test))) {
            attacker.open(appHome.resolve("public"));
            attacker.driver().manage().addCookie(new Cookie.Builder(ACCESS, forged).domain("example.test").path("/")
                    .isHttpOnly(true).build());
            attacker.open(appHome);
            LoginPage login = LoginPage.at(attacker);
            assertEquals(auth.getHost(), attacker.url().getHost(), "the app refused the forged cookie");
            assertFalse(attacker.driver().getPageSource().contains("Mallory"));
            attacker.open(auth.resolve("account"));
            LoginPage.at(attacker); // Latchkey refuses it too
            assertEquals("", String.join("", login.messages()));
        }
    }

    @Test
    void badRegistrationInputIsExplainedNextToTheFieldsAndTheTypedValuesStay(TestInfo test) throws Exception {
        try (Chromium browser = Chromium.start(name(test))) {
            browser.open(auth.resolve("register"));
            RegisterPage register = RegisterPage.at(browser);
            // "ada@example" gets past the browser's own type=email check; Latchkey wants a dot in the domain
            register.register("Émilie", "du Châtelet", "emilie@example", "short", "different");
            RegisterPage again = RegisterPage.at(browser);
            assertEquals(List.of("Please correct the problems below."), again.summary());
            assertEquals(List.of("Enter a valid email address, like name@example.com."), again.errorsAt("email"));
            assertTrue(again.errorsAt("password").get(0).contains("too short"), again.errorsAt("password").toString());
            assertEquals(List.of("Your passwords do not match. Please enter the same password in both fields."),
                    again.errorsAt("confirm_password"));
            assertEquals(List.of(), again.errorsAt("first_name"));
            assertEquals("Émilie", again.value("first_name"), "typed values are kept");
            assertEquals("du Châtelet", again.value("last_name"));
            assertEquals("emilie@example", again.value("email"));
            assertEquals("", again.value("password"), "passwords are never sent back");
            assertEquals("", again.value("confirm_password"));
        }
    }

    @Test
    void theKeyboardAloneSignsAPersonIn(TestInfo test) throws Exception {
        String email = Accounts.newEmail();
        try (Chromium browser = Chromium.start(name(test))) {
            browser.open(auth.resolve("register"));
            RegisterPage.at(browser).register("Alan", "Turing", email, Accounts.PASSWORD, Accounts.PASSWORD);
            LoginPage.at(browser).signInWithKeyboard(email, Accounts.PASSWORD);
            assertEquals("Alan Turing", AccountPage.at(browser).headerName());
        }
    }

    @Test
    void aPersonEndsTheSignInOfALostPhoneFromTheAccountPage(TestInfo test) throws Exception {
        try (Chromium browser = Chromium.start(name(test))) {
            String email = signedInOnTheApp(browser, "Grace", "Hopper");
            org.latchkey.support.Browser phone = new org.latchkey.support.Browser(latchkey.base())
                    .header("User-Agent", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                            + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1");
            assertEquals(302, Accounts.login(phone, email, Accounts.PASSWORD, null).status(), "signed in on a phone too");
            browser.open(auth.resolve("account"));
            AccountPage account = AccountPage.at(browser).showSignIns("sign-ins");
            assertEquals(List.of(account.thisDeviceBrowser() + " · Linux", "Mobile Safari 17 · iOS 17"),
                    account.signIns().stream().map(row -> row.replaceAll(" \\|.*", "")).sorted().toList(),
                    "each sign-in with its browser and system");
            AccountPage after = account.endOtherSignIn("Mobile Safari 17");
            assertEquals(List.of("That sign-in is signed out: it can no longer refresh. An access token it already has"
                    + " runs out within minutes."), after.messages());
            assertEquals(1, after.showSignIns("sign-in-ended").signIns().size(), "only this device is left");
            phone.dropCookie("latchkey.access");
            assertEquals(200, phone.get("login").status(), "the phone's refresh token no longer refreshes");
        }
    }

    @Test
    void aSuperuserFindsAPersonMakesThemStaffAndSignsThemOutEverywhere(TestInfo test) throws Exception {
        String email = Accounts.newEmail();
        org.latchkey.support.Browser phone = new org.latchkey.support.Browser(latchkey.base()).header("User-Agent",
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile"
                        + " Safari/537.36");
        assertEquals(302, Accounts.register(phone, email, null).status());
        assertEquals(302, Accounts.login(phone, email, Accounts.PASSWORD, null).status());
        try (Chromium browser = Chromium.start(name(test))) {
            browser.open(auth.resolve("admin/users"));
            LoginPage.at(browser).signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            UsersPage users = UsersPage.at(browser, "admin-users").search(email.substring(0, 10));
            assertEquals(List.of(email), users.emails(), "found by part of the address");
            assertEquals("1–1 of 1", users.found());

            PersonPage person = users.open(email);
            assertTrue(person.email().startsWith(email), person.email());
            assertEquals(List.of("Chrome Mobile 131, Android 14"), person.signIns());
            PersonPage staff = person.press("staff", "role-changed");
            assertEquals(List.of("The roles of " + email + " are now: staff."), staff.messages());
            assertEquals("active, staff", staff.status());
            // the page left open past the access token's 3 s: Chromium drops the cookie, the button still acts
            browser.waiting().until(driver -> browser.cookie(ACCESS).isEmpty());
            PersonPage out = staff.press("end_all", "signed-out-everywhere");
            assertEquals(List.of(), out.signIns());
            assertTrue(out.messages().get(0).startsWith("They are signed out everywhere"), out.messages().toString());
        }
        assertEquals(401, phone.get("api/me").status(), "the phone's access token is refused on Latchkey at once");
        phone.dropCookie("latchkey.access");
        assertEquals(200, phone.get("login").status(), "and its refresh token no longer refreshes");
    }

    @Test
    void aPersonFixesTheirNameAndEveryServiceSeesItAtOnce(TestInfo test) throws Exception {
        try (Chromium browser = Chromium.start(name(test))) {
            signedInOnTheApp(browser, "Katherine", "Jonson");
            browser.open(auth.resolve("account"));
            AccountPage renamed = AccountPage.at(browser).changeName("Katherine", "Johnson");
            assertEquals(List.of("Your name was saved. Other devices show it after their next refresh, within minutes."),
                    renamed.messages());
            assertEquals("Katherine Johnson", renamed.headerName());
            browser.open(appHome);
            assertEquals("Hello, Katherine Johnson", AppPage.at(browser).greeting(), "the new cookie, on the parent domain");
        }
    }

    /** Through the pages, as a person would: the app, the login page's register link, the form, the login. */
    private static String signedInOnTheApp(Chromium browser, String first, String last) {
        String email = Accounts.newEmail();
        browser.open(appHome);
        LoginPage.at(browser).createAnAccount().register(first, last, email, Accounts.PASSWORD, Accounts.PASSWORD);
        LoginPage.at(browser).signIn(email, Accounts.PASSWORD);
        assertEquals("Hello, " + first + " " + last, AppPage.at(browser).greeting());
        return email;
    }

    private static String name(TestInfo test) {
        return test.getTestMethod().orElseThrow().getName();
    }
}
