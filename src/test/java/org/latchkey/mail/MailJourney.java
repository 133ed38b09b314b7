package org.latchkey.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.Inbox;
import org.latchkey.support.Inbox.Mail;
import org.latchkey.token.TestKeys;

/**
 * Reset links, verified addresses and notices, end to end: Latchkey sends through a real SMTP server (GreenMail,
 * {@link #inbox()}), every link is followed from the received mail. Run on Payara Micro ({@link MailIT}) and on
 * WildFly with its mail subsystem. Each test uses addresses of its own: the hourly limit counts per address.
 */
public interface MailJourney {

    String ADMIN_EMAIL = Accounts.newEmail();
    String ADMIN_PASSWORD = TestKeys.random().substring(0, 24);
    String NEW_PASSWORD = "amber-quiver-lattice-58";
    String ACCESS = "__Secure-latchkey.access";
    String REFRESH = "__Host-latchkey.refresh";
    String VERIFY = "Confirm your email address";
    String RESET = "Reset your Latchkey password";
    String NEW_DEVICE = "A new sign-in to your Latchkey account";
    /** Links live this long here, so that expiry can be watched. */
    long LIFETIME_SECONDS = 15;

    /** The settings of a server under these tests; the caller adds the mail route and the public URL. */
    static Map<String, String> settings() {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("latchkey.cookie.domain", "example.test",
                "latchkey.password.bcrypt-cost", "8", "latchkey.throttle.max-delay", "PT4S",
                "latchkey.throttle.client-failures", "1000",
                "latchkey.registration.email-verification", "required",
                "latchkey.reset.lifetime", "PT" + LIFETIME_SECONDS + "S",
                "latchkey.registration.verification-lifetime", "PT" + LIFETIME_SECONDS + "S",
                "latchkey.admin.email", ADMIN_EMAIL, "latchkey.admin.password", ADMIN_PASSWORD));
        settings.put("latchkey.mail.from", "Latchkey <no-reply@example.test>");
        return settings;
    }

    /** Latchkey's root, ending in '/': also its public URL. */
    URI base() throws Exception;

    Inbox inbox();

    String serverLog() throws Exception;

    private Browser browser() throws Exception {
        return new Browser(base());
    }

    /**
     * Waits up to 10 s for the server log to hold this text: a mail reaches the inbox before the sender has closed
     * the SMTP conversation and audited it.
     */
    private boolean logShows(String text) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!serverLog().contains(text)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** A person who registered through the API and followed the verification link from their mail. */
    private String verifiedPerson() throws Exception {
        String email = Accounts.newEmail();
        Page registered = browser().postJson("api/users", "{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\","
                + "\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
        assertEquals(202, registered.status(), registered.body());
        Mail verify = inbox().latest(email, VERIFY, 1);
        followVerification(verify.link());
        return email;
    }

    private void followVerification(String link) throws Exception {
        followVerification(link, Accounts.PASSWORD);
    }

    /** Opens the link from the mail and confirms with the registration's password. */
    private void followVerification(String link, String password) throws Exception {
        assertTrue(link.startsWith(base() + "verify-email?token="), link);
        Browser browser = browser();
        Page page = browser.get(link);
        assertEquals(200, page.status());
        assertTrue(page.document().getElementById("made_at").text().startsWith("This registration was made on "),
                page.body());
        Page done = browser.submit(page, "verify_form", Map.of("password", password), "confirm");
        assertEquals(302, done.status(), done.body());
        assertTrue(done.location().endsWith("/login"), done.location());
    }

    private Browser signedIn(String email, String password) throws Exception {
        Browser browser = browser();
        Page page = Accounts.login(browser, email, password, null);
        assertEquals(302, page.status(), "signed in as " + email + ": " + page.messages());
        return browser;
    }

    private Page requestReset(Browser browser, String email) throws Exception {
        Page form = browser.get("password-reset");
        assertEquals(200, form.status());
        Page sent = browser.submit(form, "reset_form", Map.of("email", email), "send");
        assertEquals(302, sent.status(), sent.body());
        return browser.get(sent.location());
    }

    @Test
    default void aForgottenPasswordIsResetThroughTheMailedLink() throws Exception {
        String email = verifiedPerson();
        Browser before = signedIn(email, Accounts.PASSWORD);
        Browser stranger = browser();
        Page answer = requestReset(stranger, email);
        assertEquals(List.of("If an account uses that address, we have sent a link to it. It works once, for 15 seconds."),
                answer.messages());
        Mail mail = inbox().latest(email, RESET, 1);
        assertEquals("Latchkey <no-reply@example.test>", mail.from());
        String link = mail.link();
        assertTrue(link.startsWith(base() + "password-reset/new-password?token="), link);
        assertTrue(mail.html().contains("<a href=\"" + link + "\">"), "the HTML part links it too: " + mail.html());

        Browser person = browser();
        Page form = person.get(link);
        assertEquals(200, form.status());
        Page weak = person.submit(form, "new_password_form", Map.of("password", "password", "confirm_password", "password"), "save");
        assertEquals(200, weak.status());
        assertFalse(weak.fieldErrors("password").isEmpty(), "the registration policy holds: " + weak.body());
        Page done = person.submit(person.get(link), "new_password_form", Map.of("password", NEW_PASSWORD,
                "confirm_password", NEW_PASSWORD), "save");
        assertEquals(302, done.status(), "the link still worked after the weak try: " + done.body());
        assertTrue(done.location().endsWith("/account"), done.location());
        assertTrue(person.cookie(ACCESS).isPresent() && person.cookie(REFRESH).isPresent(), "signed in");
        Page account = person.get("account");
        assertEquals(200, account.status());
        assertTrue(account.messages().get(0).startsWith("Your password was reset"), account.messages().toString());

        assertEquals(302, before.get("account").status(), "the other sign-in's access token is refused at once");
        before.dropCookie(ACCESS);
        assertEquals(200, before.get("login").status(), "and its refresh token no longer refreshes");
        assertEquals(200, Accounts.login(browser(), email, Accounts.PASSWORD, null).status(), "the old password is gone");
        signedIn(email, NEW_PASSWORD);
        Page again = browser().get(link);
        assertFalse(again.body().contains("new_password_form"), "used once");
        assertTrue(again.messages().get(0).startsWith("This link no longer works"), again.messages().toString());
        Mail notice = inbox().latest(email, "Your Latchkey password was reset", 1);
        assertFalse(notice.text().contains("token="), "a notice carries no link that signs anyone in");
        assertTrue(logShows("\"event\":\"password-reset\""), "audited");
    }

    @Test
    default void everyAddressGetsTheSameAnswerAndOnlyActiveAccountsAMail() throws Exception {
        String known = verifiedPerson();
        String unknown = Accounts.newEmail();
        Page forKnown = requestReset(browser(), known);
        Page forUnknown = requestReset(browser(), unknown);
        assertEquals(forKnown.messages(), forUnknown.messages());
        assertEquals(forKnown.status(), forUnknown.status());
        Page apiKnown = browser().postJson("api/password-reset", "{\"email\":\"" + known + "\"}");
        Page apiUnknown = browser().postJson("api/password-reset", "{\"email\":\"" + unknown + "\"}");
        assertEquals(202, apiKnown.status());
        assertEquals(apiKnown.body(), apiUnknown.body());
        inbox().latest(known, RESET, 2);
        Thread.sleep(1000);
        assertEquals(List.of(), inbox().to(unknown), "no account, no mail");
        assertEquals(400, browser().postJson("api/password-reset", "{\"email\":\"not an address\"}").status());

        // the same time for both, measured here (alternating, 15 each; the lookup happens off the request thread)
        List<Long> knownTimes = new ArrayList<>();
        List<Long> unknownTimes = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            for (String email : List.of(known, unknown)) {
                long started = System.nanoTime();
                assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + email + "\"}").status());
                (email.equals(known) ? knownTimes : unknownTimes).add(System.nanoTime() - started);
            }
        }
        double knownMs = median(knownTimes) / 1e6;
        double unknownMs = median(unknownTimes) / 1e6;
        System.out.printf("reset request median: known %.2f ms, unknown %.2f ms%n", knownMs, unknownMs);
        assertTrue(Math.abs(knownMs - unknownMs) < 25, "known " + knownMs + " ms vs unknown " + unknownMs + " ms");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    default void aFloodOfRequestsSendsAFewMailsAndTheLinkAlreadySentKeepsWorking() throws Exception {
        String email = verifiedPerson();
        for (int i = 0; i < 8; i++) {
            assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + email.toUpperCase() + "\"}").status());
        }
        inbox().latest(email, RESET, 3);
        Thread.sleep(1500);
        List<Mail> mails = inbox().to(email, RESET);
        assertEquals(3, mails.size(), "at most three reset mails an hour: " + inbox().to(email));
        assertTrue(logShows("\"event\":\"mail-reset\""), "the refused ones are audited");
        assertTrue(logShows("\"outcome\":\"limited\""));
        List<String> working = new java.util.ArrayList<>();
        for (Mail mail : mails) { // the requests run in parallel: the mails may arrive in another order than made
            if (browser().get(mail.link()).body().contains("new_password_form")) {
                working.add(mail.link());
            }
        }
        assertEquals(1, working.size(), "the newest link sent still works, the older ones do not: " + working);
    }

    @Test
    default void aNewerLinkOrAPasswordChangeKillsTheOlderLink() throws Exception {
        String email = verifiedPerson();
        assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + email + "\"}").status());
        String first = inbox().latest(email, RESET, 1).link();
        assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + email + "\"}").status());
        String second = inbox().latest(email, RESET, 2).link();
        assertFalse(browser().get(first).body().contains("new_password_form"), "the newer link retires the older");
        assertTrue(browser().get(second).body().contains("new_password_form"));

        Browser person = signedIn(email, Accounts.PASSWORD);
        Page changed = person.submit(person.get("account"), "password_form", Map.of("current_password", Accounts.PASSWORD,
                "new_password", NEW_PASSWORD, "confirm_password", NEW_PASSWORD), "change_password");
        assertTrue(changed.messages().get(0).startsWith("Your password was changed"), changed.messages().toString());
        assertFalse(browser().get(second).body().contains("new_password_form"), "a new password kills every reset link");
        Page api = browser().postJson("api/password-reset/confirm", "{\"token\":\"" + token(second)
                + "\",\"password\":\"" + NEW_PASSWORD + "x\"}");
        assertEquals(400, api.status());
        assertTrue(api.body().contains("\"code\":\"token_not_valid\""), api.body());
        Mail notice = inbox().latest(email, "Your Latchkey password was changed", 1);
        assertFalse(notice.text().contains("token="), notice.text());
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    @Test
    default void theApiResetsAndSignsIn() throws Exception {
        String email = verifiedPerson();
        assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + email + "\"}").status());
        String token = token(inbox().latest(email, RESET, 1).link());
        Page bogus = browser().postJson("api/password-reset/confirm", "{\"token\":\"" + "A".repeat(43)
                + "\",\"password\":\"" + NEW_PASSWORD + "\"}");
        assertEquals(400, bogus.status());
        assertTrue(bogus.body().contains("token_not_valid"), bogus.body());
        Page weak = browser().postJson("api/password-reset/confirm", "{\"token\":\"" + token + "\",\"password\":\"12345678\"}");
        assertEquals(400, weak.status());
        assertTrue(weak.body().contains("\"fields\":{\"password\""), weak.body());
        assertEquals(400, browser().postJson("api/password-reset/confirm", "{\"token\":7,\"password\":\"x\"}").status());
        Page done = browser().postJson("api/password-reset/confirm", "{\"token\":\"" + token + "\",\"password\":\""
                + NEW_PASSWORD + "\"}");
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("\"access\":") && done.body().contains("\"refresh\":"), done.body());
        assertEquals(400, browser().postJson("api/password-reset/confirm", "{\"token\":\"" + token + "\",\"password\":\""
                + NEW_PASSWORD + "\"}").status(), "once");
        assertEquals(200, browser().postJson("api/token", "{\"email\":\"" + email + "\",\"password\":\"" + NEW_PASSWORD
                + "\"}").status());
    }

    @Test
    default void aValidLinkGetsInWhileTheAccountsLoginsAreThrottled() throws Exception {
        String email = verifiedPerson();
        for (int i = 0; i < 7; i++) {
            Accounts.login(browser(), email, "wrong-guess-" + i, null);
        }
        Page refused = Accounts.login(browser(), email, Accounts.PASSWORD, null);
        assertTrue(refused.messages().toString().contains("Too many failed sign-in attempts"), refused.messages().toString());
        assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + email + "\"}").status());
        String link = inbox().latest(email, RESET, 1).link();
        Browser person = browser();
        Page done = person.submit(person.get(link), "new_password_form", Map.of("password", NEW_PASSWORD,
                "confirm_password", NEW_PASSWORD), "save");
        assertEquals(302, done.status(), done.body());
        assertEquals(200, person.get("account").status(), "signed in through the throttle");
        signedIn(email, NEW_PASSWORD); // and the account's count starts again
    }

    @Test
    default void registrationNeedsTheAddressVerifiedAndSaysNothingAboutTakenOnes() throws Exception {
        String email = Accounts.newEmail();
        Browser newcomer = browser();
        Page registered = Accounts.register(newcomer, email, null);
        assertEquals(302, registered.status(), registered.body());
        Page login = newcomer.get(registered.location());
        assertEquals(List.of("Check your inbox to finish: we have sent a message to that address."), login.messages());
        Mail verify = inbox().latest(email, VERIFY, 1);
        assertEquals("Confirm your email address for Latchkey", verify.subject());

        Page wrong = Accounts.login(browser(), email, "not-the-password-1", null);
        assertEquals(List.of("Please enter a correct email address and password."), wrong.messages(), "never before the password");
        Page unverified = Accounts.login(browser(), email, Accounts.PASSWORD, null);
        assertEquals(200, unverified.status());
        assertTrue(unverified.messages().get(0).startsWith("Please confirm your email address first"), unverified.messages().toString());
        inbox().latest(email, VERIFY, 2);
        assertFalse(browser().get(verify.link()).body().contains("verify_form"), "the new link retired the first");
        Page api = browser().postJson("api/token", "{\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
        assertEquals(401, api.status());
        assertTrue(api.body().contains("\"code\":\"email_not_verified\""), api.body());
        Mail third = inbox().latest(email, VERIFY, 3); // the API's sign-in sent one more: the hour's last verification mail

        Page shown = browser().get(third.link());
        assertTrue(shown.body().contains("verify_form"), "a GET only shows the button");
        assertTrue(Accounts.login(browser(), email, Accounts.PASSWORD, null).messages().get(0)
                .startsWith("Please confirm"), "so a mail scanner's fetch verifies nothing");
        Thread.sleep(1000);
        assertEquals(3, inbox().to(email, VERIFY).size(), "the hourly limit held the fourth back, so the third link still works");
        followVerification(third.link());
        Browser person = signedIn(email, Accounts.PASSWORD);
        String payload = person.cookie(ACCESS).orElseThrow().split("\\.")[1];
        assertTrue(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8)
                .contains("\"user_email_verified\":true"), "the token says so");

        // someone else registers the same address (another case): the same answer; its owner gets a notice
        Browser intruder = browser();
        Page taken = Accounts.register(intruder, email.toUpperCase(), null);
        assertEquals(302, taken.status());
        assertEquals(login.messages(), intruder.get(taken.location()).messages());
        Mail notice = inbox().latest(email, "Someone tried to create a Latchkey account with your address", 1);
        assertFalse(notice.text().contains("token="), notice.text());
        Page apiTaken = browser().postJson("api/users", "{\"first_name\":\"M\",\"last_name\":\"X\",\"email\":\"" + email
                + "\",\"password\":\"" + NEW_PASSWORD + "\"}");
        assertEquals(202, apiTaken.status());
        assertEquals(200, Accounts.login(browser(), email, NEW_PASSWORD, null).status(), "the intruder's password is no one's");
    }

    /**
     * The pre-account takeover, tried: someone registers Dana's address first with a password of their own, then
     * Dana registers too (the same answer) and follows the link in her mailbox. Her registration replaced the first
     * (password, names, links), and the link asks for her password — so the account is hers, under her password.
     */
    @Test
    default void aRegistrationConfirmedByTheMailboxOwnerIsHersNotTheFirstRegistrants() throws Exception {
        String dana = Accounts.newEmail();
        String malloryPassword = "mallory-first-in-line-31";
        Page first = browser().postJson("api/users", "{\"first_name\":\"Mallory\",\"last_name\":\"First\",\"email\":\""
                + dana + "\",\"password\":\"" + malloryPassword + "\"}");
        assertEquals(202, first.status(), first.body());
        Mail firstLink = inbox().latest(dana, VERIFY, 1);
        assertTrue(Accounts.login(browser(), dana, malloryPassword, null).messages().get(0).startsWith("Please confirm"),
                "the first registrant cannot sign in unconfirmed");
        inbox().latest(dana, VERIFY, 2); // that sign-in sent a new link (the registrant's own, to Dana's mailbox)
        Browser danasBrowser = browser().header("User-Agent",
                "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
        Page hers = danasBrowser.postJson("api/users", "{\"first_name\":\"Dana\",\"last_name\":\"Owner\",\"email\":\""
                + dana + "\",\"password\":\"" + Accounts.PASSWORD + "\"}");
        assertEquals(first.status(), hers.status());
        assertEquals(first.body(), hers.body(), "the same answer: she cannot tell that someone registered first");
        Mail herLink = inbox().latest(dana, VERIFY, 3);
        assertTrue(herLink.text().startsWith("Hello " + dana + ","), "greets the address, never a registrant's name: "
                + herLink.text());
        assertFalse(browser().get(firstLink.link()).body().contains("verify_form"), "her registration retired the older links");

        Browser mailbox = browser();
        Page page = mailbox.get(herLink.link());
        String madeAt = page.document().getElementById("made_at").text();
        assertTrue(madeAt.contains(" from Firefox 133 on Ubuntu, 127.0.0.1."), "says when and from which browser: " + madeAt);
        Page wrong = mailbox.submit(page, "verify_form", Map.of("password", malloryPassword), "confirm");
        assertEquals(200, wrong.status());
        assertTrue(wrong.fieldErrors("password").get(0).startsWith("That is not the password of the newest registration"),
                wrong.body());
        assertEquals(200, Accounts.login(browser(), dana, malloryPassword, null).status(), "still nobody's account");
        followVerification(herLink.link(), Accounts.PASSWORD);
        Browser signedIn = signedIn(dana, Accounts.PASSWORD);
        assertEquals("Dana Owner", signedIn.get("account").document().getElementById("name").text());
        Page mallory = Accounts.login(browser(), dana, malloryPassword, null);
        assertEquals(200, mallory.status(), "the first registrant never signs in");
        assertEquals(List.of("Please enter a correct email address and password."), mallory.messages());
        assertTrue(logShows("\"outcome\":\"unconfirmed-registration-replaced\""), "audited");
    }

    /**
     * A thief who once had a session asks to move the account to their own address; the owner changes the password
     * before the thief follows the link: the link is dead. The same for a reset link after "sign out everywhere".
     */
    @Test
    default void theOwnersRemediesEndEveryPendingLink() throws Exception {
        String owner = verifiedPerson();
        Browser thief = signedIn(owner, Accounts.PASSWORD);
        String thiefAddress = Accounts.newEmail();
        Page asked = thief.submit(thief.get("account"), "email_form", Map.of("new_email", thiefAddress,
                "email_password", Accounts.PASSWORD), "change_email");
        assertTrue(asked.messages().get(0).startsWith("If no other account uses " + thiefAddress), asked.body());
        Mail change = inbox().latest(thiefAddress, "Confirm your new address for Latchkey", 1);
        assertTrue(change.text().startsWith("Hello " + thiefAddress + ","), "an unproven address is greeted by itself");

        Browser ownerBrowser = signedIn(owner, Accounts.PASSWORD);
        Page changed = ownerBrowser.submit(ownerBrowser.get("account"), "password_form", Map.of("current_password",
                Accounts.PASSWORD, "new_password", NEW_PASSWORD, "confirm_password", NEW_PASSWORD), "change_password");
        assertTrue(changed.messages().contains("Your password was changed. Every other sign-in of yours has been signed out."),
                changed.body());
        Page dead = browser().get(change.link());
        assertFalse(dead.body().contains("email_change_form"), "the password change ended the pending change of address");
        assertEquals(owner, signedIn(owner, NEW_PASSWORD).get("account").document().getElementById("email").text());

        assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + owner + "\"}").status());
        Mail reset = inbox().latest(owner, RESET, 1);
        Page everywhere = ownerBrowser.submit(ownerBrowser.get("account"), "signout_all_form", Map.of(), "signout_all");
        assertEquals(302, everywhere.status(), everywhere.body());
        assertEquals(302, ownerBrowser.get("account").status(), "signed out");
        assertFalse(browser().get(reset.link()).body().contains("new_password_form"),
                "signing out everywhere ended the reset link someone may have read");
        signedIn(owner, NEW_PASSWORD);
    }

    @Test
    default void twentyConcurrentRegistrationsOfOneAddressMakeOneAccount() throws Exception {
        String email = Accounts.newEmail();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> browser().postJson("api/users", "{\"first_name\":\"Ada\",\"last_name\":"
                        + "\"Lovelace\",\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD + "\"}").status()));
            }
            for (Future<Integer> answer : answers) {
                assertEquals(202, answer.get());
            }
        } finally {
            pool.shutdown();
        }
        inbox().latest(email, VERIFY, 1);
        Thread.sleep(2000);
        List<Mail> mails = inbox().to(email);
        List<String> links = mails.stream().filter(m -> m.subject().startsWith("Confirm")).map(Mail::link).toList();
        assertTrue(links.size() >= 1 && links.size() <= 3, "each registration of the unconfirmed address renews it, within "
                + "the hourly limit of three: " + mails.stream().map(Mail::subject).toList());
        assertEquals(List.of(), mails.stream().filter(m -> m.subject().startsWith("Someone tried")).toList(),
                "nobody owns it yet: no notice");
        List<String> working = new ArrayList<>();
        for (String link : links) {
            if (browser().get(link).body().contains("verify_form")) {
                working.add(link);
            }
        }
        assertEquals(1, working.size(), "the newest link retired the others: " + links);
        followVerification(working.get(0));
        signedIn(email, Accounts.PASSWORD);
    }

    @Test
    default void aSuperuserSendsALinkAndADeactivatedAccountGetsNone() throws Exception {
        String email = verifiedPerson();
        String uuid = signedIn(email, Accounts.PASSWORD).get("account").document().getElementById("uuid").text();
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Page users = admin.get("admin/users?q=" + email); // the admin page shows 50 at a time
        var row = users.document().selectFirst("tr[data-uuid=" + uuid + "]");
        Page sent = admin.submit(users, "users_form", Map.of(), row.selectFirst("input.send-reset").attr("name"));
        assertTrue(sent.messages().contains("A reset link is on its way to " + email + "."), sent.body());
        Mail mail = inbox().latest(email, RESET, 1);
        assertFalse(sent.body().contains(token(mail.link())), "the superuser never sees the link");
        assertTrue(logShows("\"event\":\"reset-link-sent\",\"actor\":"), "audited with who did it");

        users = admin.get("admin/users?q=" + email);
        row = users.document().selectFirst("tr[data-uuid=" + uuid + "]");
        admin.submit(users, "users_form", Map.of(), row.selectFirst("input.deactivate").attr("name"));
        assertFalse(browser().get(mail.link()).body().contains("new_password_form"), "a deactivated person's link is dead");
        assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + email + "\"}").status());
        Thread.sleep(1500);
        assertEquals(1, inbox().to(email, RESET).size(), "and no new one is sent");
    }

    @Test
    default void whenTheMailServerIsAwayRequestsAreAnsweredAndSendingIsRetried() throws Exception {
        String email = verifiedPerson();
        inbox().stop();
        try {
            long started = System.nanoTime();
            assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + email + "\"}").status());
            System.out.printf("reset request with the mail server down: %.1f ms%n", (System.nanoTime() - started) / 1e6);
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!serverLog().contains("retrying after attempt 1") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(logShows("retrying after attempt 1"), "the failure is audited and retried");
        } finally {
            inbox().start();
        }
        inbox().latest(email, RESET, 1); // the restarted server holds only what came after
        assertTrue(logShows("\"outcome\":\"sent-attempt-"), "a later attempt got it through");
    }

    @Test
    default void aNewAddressCountsOnceItsLinkIsFollowedAndTheOldOneCanTakeItBack() throws Exception {
        String old = verifiedPerson();
        String taken = verifiedPerson();
        String fresh = Accounts.newEmail();
        Browser person = signedIn(old, Accounts.PASSWORD);
        Page wrong = person.submit(person.get("account"), "email_form", Map.of("new_email", fresh,
                "email_password", "not-my-password-9"), "change_email");
        assertEquals(List.of("Your current password is not correct."), wrong.fieldErrors("email_password"));
        Page toTaken = person.submit(person.get("account"), "email_form", Map.of("new_email", taken,
                "email_password", Accounts.PASSWORD), "change_email");
        Page asked = person.submit(person.get("account"), "email_form", Map.of("new_email", fresh,
                "email_password", Accounts.PASSWORD), "change_email");
        assertEquals(List.of("If no other account uses " + fresh + ", we have sent a link to it. Your address changes"
                + " when you open it."), asked.messages());
        assertEquals(asked.messages().get(0).replace(fresh, taken), toTaken.messages().get(0), "the same for a taken one");
        Mail confirm = inbox().latest(fresh, "Confirm your new address for Latchkey", 1);
        Thread.sleep(500);
        assertEquals(List.of(), inbox().to(taken, "Confirm your new address"), "the taken address got nothing");
        assertEquals(302, Accounts.login(browser(), old, Accounts.PASSWORD, null).status(), "nothing changed before the link");

        Browser opener = browser();
        Page shown = opener.get(confirm.link());
        assertTrue(shown.body().contains("email_change_form"), "a GET shows a button");
        Page changed = opener.submit(shown, "email_change_form", Map.of(), "confirm");
        assertEquals(302, changed.status(), changed.body());
        assertEquals(List.of("Your email address is now " + fresh + ". Please sign in."), opener.get(changed.location()).messages());
        Browser moved = signedIn(fresh, Accounts.PASSWORD);
        assertEquals(200, Accounts.login(browser(), old, Accounts.PASSWORD, null).status(), "the old address signs in no more");
        assertTrue(logShows("\"event\":\"email-changed\""), "audited");

        Mail notice = inbox().latest(old, "The address of your Latchkey account was changed", 1);
        assertTrue(notice.link().startsWith(base() + "email-change/undo?token="), notice.link());
        Browser owner = browser();
        Page undo = owner.submit(owner.get(notice.link()), "undo_form", Map.of(), "confirm");
        assertEquals(302, undo.status(), undo.body());
        assertTrue(owner.get(undo.location()).messages().get(0).startsWith("Your account's address is " + old + " again"));
        assertEquals(302, moved.get("account").status(), "whoever made the change is signed out");
        assertEquals(200, Accounts.login(browser(), old, Accounts.PASSWORD, null).status(),
                "the password may be one the changer set: it no longer works");
        assertEquals(200, Accounts.login(browser(), fresh, Accounts.PASSWORD, null).status());
        Mail reset = inbox().latest(old, RESET, 1);
        Browser restored = browser();
        Page saved = restored.submit(restored.get(reset.link()), "new_password_form", Map.of("password", NEW_PASSWORD,
                "confirm_password", NEW_PASSWORD), "save");
        assertEquals(302, saved.status(), "the owner sets a new one through the link sent to the restored address");
        signedIn(old, NEW_PASSWORD);
        inbox().latest(old, NEW_DEVICE, 2);
        person.dropCookie(ACCESS);
        person.dropCookie(REFRESH);
        assertEquals(302, Accounts.login(person, old, NEW_PASSWORD, null).status());
        inbox().latest(old, NEW_DEVICE, 3); // the changer's browser signed in before the change: its device is forgotten
        assertFalse(browser().get(notice.link()).body().contains("undo_form"), "once");
        assertTrue(logShows("\"event\":\"email-change-undone\""), "audited");
    }

    @Test
    default void aSignInFromANewDeviceIsNoticedAndOneFromAKnownDeviceIsNot() throws Exception {
        String email = verifiedPerson();
        Browser laptop = browser().header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0");
        assertEquals(302, Accounts.login(laptop, email, Accounts.PASSWORD, null).status());
        Mail notice = inbox().latest(email, NEW_DEVICE, 1);
        assertTrue(notice.text().contains("Browser: Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0"), notice.text());
        assertTrue(notice.text().contains("From: 127.0.0.1"), notice.text());
        assertFalse(notice.text().contains("token="), "no link that signs anyone in");
        assertTrue(laptop.cookie("__Host-latchkey.device").isPresent(), "the browser is known from now on");
        laptop.dropCookie(ACCESS);
        laptop.dropCookie(REFRESH);
        assertEquals(302, Accounts.login(laptop, email, Accounts.PASSWORD, null).status());
        Thread.sleep(1500);
        assertEquals(1, inbox().to(email, NEW_DEVICE).size(), "a known device signs in without a notice");
        Browser phone = browser();
        phone.setCookie("__Host-latchkey.device", laptop.cookie("__Host-latchkey.device").orElseThrow());
        String other = verifiedPerson();
        assertEquals(302, Accounts.login(phone, other, Accounts.PASSWORD, null).status());
        inbox().latest(other, NEW_DEVICE, 1); // a device token names its person: known for one is new for another
        assertEquals(302, Accounts.login(browser(), email, Accounts.PASSWORD, null).status());
        inbox().latest(email, NEW_DEVICE, 2);
    }

    @Test
    default void linksExpireAndUnverifiedAccountsAreRemoved() throws Exception {
        String verified = verifiedPerson();
        assertEquals(202, browser().postJson("api/password-reset", "{\"email\":\"" + verified + "\"}").status());
        String reset = inbox().latest(verified, RESET, 1).link();
        String pending = Accounts.newEmail();
        assertEquals(302, Accounts.register(browser(), pending, null).status());
        String verify = inbox().latest(pending, VERIFY, 1).link();
        Thread.sleep((LIFETIME_SECONDS + 1) * 1000);
        assertFalse(browser().get(reset).body().contains("new_password_form"), "the reset link expired");
        Page dead = browser().get(verify);
        assertFalse(dead.body().contains("verify_form"), "so did the verification link");
        Thread.sleep(LIFETIME_SECONDS * 1000 / 4 + 1500); // the housekeeping runs every quarter lifetime here
        assertEquals(302, Accounts.register(browser(), pending, null).status());
        inbox().latest(pending, VERIFY, 2); // the address was free again: the unverified account was removed
        assertTrue(logShows("\"event\":\"unverified-accounts-removed\""));
    }
}
