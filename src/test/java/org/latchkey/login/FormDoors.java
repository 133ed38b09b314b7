package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.SetCookie;

/**
 * Every form of every page sent as a link instead of by its button: the GET (and HEAD) spelling of each, with the
 * page's own view state and with Faces' {@code stateless} marker, anonymously, as the person and as a superuser —
 * nobody is signed in, nothing is made, signed out, mailed or changed, and nothing answers 5xx. Run on every server
 * by the classes that run {@link PeopleDoors}.
 */
interface FormDoors extends Doors {

    /** A link token of the right shape that no link has: the link pages' forms are built from their markup. */
    String SOME_TOKEN = "A".repeat(43);

    record Form(String who, Browser caller, String page, String form, Map<String, String> fields, String button) {
    }

    @Test
    default void aFormSentAsALinkDoesNothing() throws Exception {
        String attackerEmail = Accounts.newEmail();
        newPerson(attackerEmail);
        String victimEmail = Accounts.newEmail();
        Browser victim = newPerson(victimEmail);
        String victimUuid = victim.get("account").document().getElementById("uuid").text();
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Browser anonymous = browser();
        String madeByLink = Accounts.newEmail();
        String newPassword = "crimson-lantern-meadow-77";

        List<Form> forms = List.of(
                new Form("anonymous", anonymous, "login", "login_form",
                        Map.of("email", attackerEmail, "password", Accounts.PASSWORD), "login"),
                new Form("anonymous", anonymous, "register", "register_form", Map.of("first_name", "Link",
                        "last_name", "Made", "email", madeByLink, "password", Accounts.PASSWORD,
                        "confirm_password", Accounts.PASSWORD), "register"),
                new Form("anonymous", anonymous, "password-reset", "reset_form", Map.of("email", victimEmail), "send"),
                new Form("person", victim, "logout", "logout_form", Map.of(), "logout"),
                new Form("person", victim, "account", "logout_form", Map.of(), "logout"),
                new Form("person", victim, "account", "name_form", Map.of("first_name", "Mallory", "last_name", "Linked"),
                        "change_name"),
                new Form("person", victim, "account", "password_form", Map.of("current_password", Accounts.PASSWORD,
                        "new_password", newPassword, "confirm_password", newPassword), "change_password"),
                new Form("person", victim, "account", "email_form", Map.of("new_email", Accounts.newEmail(),
                        "email_password", Accounts.PASSWORD), "change_email"),
                new Form("person", victim, "account", "signout_all_form", Map.of(), "signout_all"),
                new Form("superuser", admin, "admin/person?id=" + victimUuid, "person_form", Map.of(), "superuser"),
                new Form("superuser", admin, "admin/person?id=" + victimUuid, "person_form", Map.of(), "deactivate"),
                new Form("superuser", admin, "admin/person?id=" + victimUuid, "person_sign_ins_form", Map.of(), "end_all"));
        // the link pages show no form for a token that does not work: their fields as the markup names them
        Map<String, List<String>> linkForms = new LinkedHashMap<>();
        linkForms.put("verify-email", List.of("verify_form", "confirm"));
        linkForms.put("email-change", List.of("email_change_form", "confirm"));
        linkForms.put("email-change/undo", List.of("undo_form", "confirm"));
        linkForms.put("password-reset/new-password", List.of("new_password_form", "save"));

        List<String> wrong = new ArrayList<>();
        int tried = 0;
        for (Form form : forms) {
            Page page = form.caller().get(form.page());
            if (page.status() != 200) { // an earlier link did something (signed the caller out, deactivated them)
                wrong.add(form.who() + " GET " + form.page() + " -> " + page.status() + " before " + form.form());
                continue;
            }
            Map<String, String> data = Browser.formData(page, form.form(), form.fields(), form.button());
            assertTrue(data.containsKey("jakarta.faces.ViewState"), "the page's own view state is in the form");
            String path = page.uri().getPath();
            for (String viewState : List.of(data.get("jakarta.faces.ViewState"), "stateless")) {
                Map<String, String> link = new LinkedHashMap<>(data);
                link.put("jakarta.faces.ViewState", viewState);
                for (String method : List.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS")) {
                    Page answer = method.equals("GET") ? form.caller().getWith(path, link) : form.caller().send(method, path, link);
                    tried++;
                    check(wrong, form.who() + " " + method + " " + form.form() + "/" + form.button() + " (" + viewState + ")",
                            answer, method.equals("GET") || method.equals("HEAD") ? 400 : 405);
                }
            }
        }
        for (Map.Entry<String, List<String>> linkPage : linkForms.entrySet()) {
            for (Browser caller : List.of(anonymous, victim)) {
                String formId = linkPage.getValue().get(0);
                Map<String, String> link = new LinkedHashMap<>();
                link.put(formId, formId);
                link.put("token", SOME_TOKEN);
                link.put("new_password", newPassword);
                link.put("confirm_password", newPassword);
                caller.cookie("__Host-latchkey.form").ifPresent(secret -> link.put("latchkey_form", secret));
                link.put(linkPage.getValue().get(1), "x");
                link.put("jakarta.faces.ViewState", "stateless");
                Page answer = caller.getWith(linkPage.getKey(), link);
                tried++;
                check(wrong, "GET " + linkPage.getKey(), answer, 400);
            }
        }
        assertEquals(List.of(), wrong, "every form sent as a link is refused (" + tried + " tried)");

        // and nothing happened
        assertFalse(anonymous.cookie(ACCESS).isPresent() || anonymous.cookie(REFRESH).isPresent(), "nobody signed in");
        assertEquals(401, anonymous.get("api/me").status());
        assertFalse(Accounts.login(browser(), madeByLink, Accounts.PASSWORD, null).status() == 302, "no account made");
        Page me = victim.get("api/me");
        assertEquals(200, me.status(), "the person is still signed in: " + me.body());
        assertTrue(me.body().contains("\"is_superuser\":false") && me.body().contains("\"first_name\":\"Ada\""), me.body());
        assertEquals(victimEmail, victim.get("account").document().getElementById("email").text(), "the address unchanged");
        assertEquals(302, Accounts.login(browser(), victimEmail, Accounts.PASSWORD, null).status(),
                "the password unchanged and the account active");
        assertEquals(200, admin.get("admin/users").status(), "the superuser is still signed in");
        // the forms still work by their buttons
        Page saved = victim.submit(victim.get("account"), "name_form", Map.of("first_name", "Ada", "last_name", "Byron"),
                "change_name");
        assertEquals(302, saved.status(), saved.body());
        assertEquals("Ada Byron", victim.get("account").document().getElementById("name").text());
        Page posted = Accounts.login(anonymous, attackerEmail, Accounts.PASSWORD, null);
        assertEquals(302, posted.status(), "a POST sign-in works as before");
    }

    private static void check(List<String> wrong, String what, Page answer, int expected) {
        List<String> tokenCookies = answer.setCookies().stream().map(SetCookie::name)
                .filter(name -> name.equals(ACCESS) || name.equals(REFRESH) || name.contains("device")).toList();
        if (answer.status() != expected || !tokenCookies.isEmpty()) {
            wrong.add(what + " -> " + answer.status() + " " + answer.header("Location").orElse("") + " " + tokenCookies);
        }
    }
}
