package org.latchkey.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.Deployments;

/** Bad input on the register form, and the database's word on duplicate emails, on Payara Micro. */
@ExtendWith(ArquillianExtension.class)
class RegistrationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.latchkey();
    }

    @ArquillianResource
    URL base;

    private Page submit(Browser browser, Map<String, String> fields) throws Exception {
        Map<String, String> all = new HashMap<>(Map.of("first_name", "Ada", "last_name", "Lovelace",
                "email", Accounts.newEmail(), "password", Accounts.PASSWORD, "confirm_password", Accounts.PASSWORD));
        all.putAll(fields);
        return browser.submit(browser.get("register"), "register_form", all, "register");
    }

    private void assertRefused(Map<String, String> fields, String field, String fragment) throws Exception {
        Browser browser = new Browser(base.toURI());
        Page page = submit(browser, fields);
        assertEquals(200, page.status(), "shown again, not " + page.status() + " for " + fields.keySet());
        assertEquals(List.of("Please correct the problems below."), page.messages());
        List<String> errors = page.fieldErrors(field);
        assertTrue(errors.stream().anyMatch(e -> e.contains(fragment)), field + " should say '" + fragment + "': " + errors);
        assertTrue(page.setCookie("__Secure-latchkey.access").isEmpty() && page.setCookie("__Host-latchkey.refresh").isEmpty());
        for (String kept : List.of("first_name", "last_name", "email")) {
            if (fields.containsKey(kept) && fields.get(kept).length() < 200) {
                assertEquals(fields.get(kept), page.document().getElementById(kept).attr("value"), "typed value kept");
            }
        }
        assertEquals("", page.document().getElementById("password").attr("value"), "passwords are never sent back");
    }

    @Test
    void missingFields() throws Exception {
        assertRefused(Map.of("first_name", ""), "first_name", "Enter your first name");
        assertRefused(Map.of("last_name", "  "), "last_name", "Enter your last name");
        assertRefused(Map.of("email", ""), "email", "Enter your email address");
        assertRefused(Map.of("password", ""), "password", "Enter a password");
        assertRefused(Map.of("confirm_password", ""), "confirm_password", "Enter the password again");
    }

    @Test
    void tenKilobyteValues() throws Exception {
        String big = "x".repeat(10_240);
        assertRefused(Map.of("first_name", big), "first_name", "too long");
        assertRefused(Map.of("last_name", big), "last_name", "too long");
        assertRefused(Map.of("email", big + "@example.test"), "email", "valid email");
        assertRefused(Map.of("password", big, "confirm_password", big), "password", "too long");
    }

    @Test
    void invalidEmails() throws Exception {
        for (String email : List.of("plainaddress", "a@b", "@example.test", "a@@example.test", "a b@example.test",
                "a@example..test", "ada@exämple.test", "😀@example.test", "'; DROP TABLE latchkey_user; --")) {
            assertRefused(Map.of("email", email), "email", "valid email");
        }
    }

    @Test
    void mismatchedAndWeakPasswords() throws Exception {
        assertRefused(Map.of("confirm_password", Accounts.PASSWORD + "x"), "confirm_password", "do not match");
        assertRefused(Map.of("password", "short", "confirm_password", "short"), "password", "too short");
        assertRefused(Map.of("password", "12345678901", "confirm_password", "12345678901"), "password", "entirely numeric");
        assertRefused(Map.of("password", "password123", "confirm_password", "password123"), "password", "common");
        assertRefused(Map.of("password", "lovelace99", "confirm_password", "lovelace99"), "password", "too similar");
    }

    @Test
    void emojiAndSqlLookingNamesAreStoredAsTyped() throws Exception {
        Browser browser = new Browser(base.toURI());
        String email = Accounts.newEmail();
        String first = "Zoë 🚀";
        String last = "O'Brien\"); DROP TABLE latchkey_user; --";
        Page page = submit(browser, Map.of("email", email, "first_name", first, "last_name", last));
        assertEquals(302, page.status(), page.body());
        Accounts.login(browser, email, Accounts.PASSWORD, null);
        Page account = browser.get("account");
        assertEquals(first + " " + last, account.document().getElementById("name").text());
    }

    @Test
    void alreadyRegisteredEmailInAnyCase() throws Exception {
        Browser browser = new Browser(base.toURI());
        String email = Accounts.newEmail();
        assertEquals(302, submit(browser, Map.of("email", email)).status());
        assertRefused(Map.of("email", email), "email", "already taken");
        assertRefused(Map.of("email", email.toUpperCase()), "email", "already taken");
        assertRefused(Map.of("email", "  " + email + " "), "email", "already taken");
    }

    @Test
    void twentyConcurrentRegistrationsOfOneEmailMakeOneAccount() throws Exception {
        String email = Accounts.newEmail();
        List<Browser> browsers = new ArrayList<>();
        List<Page> forms = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Browser browser = new Browser(base.toURI());
            browsers.add(browser);
            forms.add(browser.get("register"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Page>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Browser browser = browsers.get(i);
            Page form = forms.get(i);
            String password = Accounts.PASSWORD + "-" + i; // tells which registration won
            String spelling = i % 2 == 0 ? email : email.toUpperCase();
            Callable<Page> post = () -> browser.submit(form, "register_form", Map.of("first_name", "Ada",
                    "last_name", "Lovelace", "email", spelling,
                    "password", password, "confirm_password", password), "register");
            results.add(pool.submit(post));
        }
        int created = 0;
        int taken = 0;
        int winner = -1;
        List<String> others = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            Page page = results.get(i).get();
            assertTrue(page.status() < 500, "never a 5xx: " + page.status());
            if (page.status() == 302) {
                created++;
                winner = i;
            } else if (page.fieldErrors("email").stream().anyMatch(e -> e.contains("already taken"))) {
                taken++;
            } else {
                others.add(page.status() + " " + page.messages());
            }
        }
        pool.shutdown();
        assertEquals(1, created, "exactly one registration wins");
        assertEquals(19, taken, "the others are told the email is taken: " + others);
        assertEquals(302, Accounts.login(new Browser(base.toURI()), email, Accounts.PASSWORD + "-" + winner, null).status(),
                "one account, with the winner's password");
        int loser = winner == 0 ? 1 : 0;
        assertEquals(200, Accounts.login(new Browser(base.toURI()), email, Accounts.PASSWORD + "-" + loser, null).status(),
                "no second account with another password");
    }
}
