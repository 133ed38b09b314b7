package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.Logs;

/**
 * The doors to managing people: a person's page and the admin API for scripts (superusers with the auth host's
 * session only), a person's own name, and the request id that ties an answer to its audit lines. Run on every server
 * with {@link Doors}' settings, by the classes that run {@link Doors}.
 */
interface PeopleDoors extends FormDoors, RotationDoors, KeyHolderDoors {

    private static String refresh(Browser browser) {
        return "{\"refresh\":\"" + browser.cookie(REFRESH).orElseThrow() + "\"}";
    }

    private static String uuidOf(Browser browser) throws Exception {
        return browser.get("account").document().getElementById("uuid").text();
    }

    @Test
    default void aSuperuserOpensAPersonsPageAndEndsTheirSignInsOneOrAll() throws Exception {
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String adminUuid = uuidOf(admin);
        String email = Accounts.newEmail();
        Browser laptop = browser().header("User-Agent", FIREFOX);
        assertEquals(302, Accounts.register(laptop, email, null).status());
        assertEquals(302, Accounts.login(laptop, email, Accounts.PASSWORD, null).status());
        Browser phone = browser().header("User-Agent", PHONE);
        assertEquals(302, Accounts.login(phone, email, Accounts.PASSWORD, null).status());
        String uuid = uuidOf(laptop);

        // from the search to the person's page
        Page found = admin.get("admin/users?q=" + email);
        Element link = found.document().selectFirst("tr[data-uuid=" + uuid + "] a.person");
        assertTrue(link != null, found.body());
        Page person = admin.get(link.attr("href"));
        assertEquals(200, person.status(), person.body());
        assertTrue(person.document().getElementById("email").text().startsWith(email), person.body());
        assertEquals("active", person.document().getElementById("status").text());
        List<Element> rows = person.document().select("table.sign-ins tbody tr");
        assertEquals(2, rows.size(), "the laptop's and the phone's: " + person.body());
        Element phoneRow = rows.stream().filter(r -> r.text().contains("Chrome Mobile 131")).findFirst().orElseThrow();

        // refused to anyone else, by every door: an ordinary person, the superuser's access cookie alone, nobody
        assertEquals(403, laptop.get("admin/person?id=" + uuid).status(), "not for ordinary people");
        Browser accessOnly = browser();
        accessOnly.setCookie(ACCESS, admin.cookie(ACCESS).orElseThrow());
        Page withoutSession = accessOnly.get("admin/person?id=" + uuid);
        assertFalse(withoutSession.body().contains(email), "the access cookie alone shows nobody: " + withoutSession.body());
        assertTrue(withoutSession.messages().stream().anyMatch(m -> m.startsWith("Managing accounts needs")),
                withoutSession.body());
        Page anonymous = browser().get("admin/person?id=" + uuid);
        assertEquals(302, anonymous.status());
        assertEquals(404, admin.get("admin/person?id=no-such-person").status());
        Page noId = admin.get("admin/person");
        assertEquals(302, noId.status(), "no id: the list of people");
        assertTrue(noId.location().endsWith("/admin/users"), noId.location());
        assertEquals(302, browser().get("admin/person").status(), "(for superusers: anyone else goes to the login page)");
        assertTrue(browser().get("admin/person").location().contains("/login?next="));
        Page forged = accessOnly.submit(person, "person_sign_ins_form", Map.of(),
                phoneRow.selectFirst("input.end-sign-in").attr("name"));
        assertTrue(forged.status() == 302 && !forged.location().contains("id=") // another session's view: the page anew
                || forged.messages().stream().anyMatch(m -> m.startsWith("Managing accounts needs")), forged.body());
        phone.dropCookie(ACCESS);
        assertEquals(302, phone.get("login").status(), "the form posted without the session ended nothing");

        // one: the phone refreshes no more, the laptop still does
        Page ended = admin.submit(person, "person_sign_ins_form", Map.of(), phoneRow.selectFirst("input.end-sign-in").attr("name"));
        assertTrue(ended.messages().stream().anyMatch(m -> m.startsWith("That sign-in is signed out")),
                ended.status() + " " + ended.body());
        assertEquals(1, ended.document().select("table.sign-ins tbody tr").size(), ended.body());
        phone.dropCookie(ACCESS);
        assertEquals(200, phone.get("login").status(), "the phone's refresh token no longer refreshes");
        laptop.dropCookie(ACCESS);
        assertEquals(302, laptop.get("login").status(), "the laptop's still does");
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"sign-in-ended\",\"actor\":\"" + adminUuid + "\",\"user\":\""
                + uuid + "\""), "audited with who did it");

        // roles from the person's page
        Page staff = admin.submit(ended, "person_form", Map.of(), "staff");
        assertEquals("active, staff", staff.document().getElementById("status").text(), staff.body());

        // all: no refresh, and the access cookie the laptop holds is refused here at once
        Page all = admin.submit(staff, "person_sign_ins_form", Map.of(), "end_all");
        assertTrue(all.messages().stream().anyMatch(m -> m.startsWith("They are signed out everywhere")), all.body());
        assertTrue(all.document().getElementById("no_sign_ins") != null, all.body());
        assertEquals(401, laptop.get("api/me").status(), "the access token is refused on Latchkey");
        laptop.dropCookie(ACCESS);
        assertEquals(200, laptop.get("login").status(), "and nothing refreshes");
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"sign-out-everywhere\",\"actor\":\"" + adminUuid + "\",\"user\":\""
                + uuid + "\""), "audited with who did it");
        assertEquals(302, Accounts.login(laptop, email, Accounts.PASSWORD, null).status(), "they can sign in again");
    }

    @Test
    default void scriptsManagePeopleThroughTheApiByTheSameRules() throws Exception {
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String adminUuid = uuidOf(admin);
        Browser adminApi = bearer(admin);
        String email = Accounts.newEmail();
        Browser person = browser().header("User-Agent", FIREFOX);
        assertEquals(302, Accounts.register(person, email, null).status());
        assertEquals(302, Accounts.login(person, email, Accounts.PASSWORD, null).status());
        String uuid = uuidOf(person);
        Browser personApi = bearer(person);

        // refusals first: nothing changes, nothing is read
        String search = "{\"q\":\"" + email + "\",\"refresh\":\"" + admin.cookie(REFRESH).orElseThrow() + "\"}";
        Map<String, String> calls = new java.util.LinkedHashMap<>();
        calls.put("api/admin/users/search", search);
        calls.put("api/admin/users/" + uuid, refresh(admin));
        calls.put("api/admin/users/" + uuid + "/sign-ins/end", refresh(admin));
        calls.put("api/admin/users/" + uuid + "/deactivate", refresh(admin));
        calls.put("api/admin/users/" + uuid + "/reset-link", refresh(admin));
        for (Map.Entry<String, String> call : calls.entrySet()) {
            assertEquals(401, browser().postJson(call.getKey(), call.getValue()).status(), "nobody: " + call.getKey());
            Page ordinary = personApi.postJson(call.getKey(), call.getValue().replace(admin.cookie(REFRESH).orElseThrow(),
                    person.cookie(REFRESH).orElseThrow()));
            assertEquals(403, ordinary.status(), "an ordinary person: " + call.getKey() + " " + ordinary.body());
            assertEquals(400, adminApi.postJson(call.getKey(), "{}").status(), "the access token alone: " + call.getKey());
            assertEquals(403, adminApi.postJson(call.getKey(), call.getValue().replace(admin.cookie(REFRESH).orElseThrow(),
                    person.cookie(REFRESH).orElseThrow())).status(), "someone else's refresh token: " + call.getKey());
            Browser accessCookieOnly = browser().header("Accept", "application/json");
            accessCookieOnly.setCookie(ACCESS, admin.cookie(ACCESS).orElseThrow());
            assertEquals(400, accessCookieOnly.postJson(call.getKey(), "{}").status(), "the access cookie alone: " + call.getKey());
        }
        assertEquals(200, person.get("api/me").status(), "still active: no refusal deactivated anyone");

        // the search
        Page found = adminApi.postJson("api/admin/users/search", search);
        assertEquals(200, found.status(), found.body());
        assertTrue(found.body().startsWith("{\"total\":1,\"page\":1,\"pages\":1,\"users\":[{\"user_id\":"), found.body());
        assertTrue(found.body().contains("\"user_uuid\":\"" + uuid + "\",\"email\":\"" + email + "\""), found.body());
        assertTrue(found.body().contains("\"is_active\":true,\"is_staff\":false,\"is_superuser\":false"), found.body());
        assertEquals(400, adminApi.postJson("api/admin/users/search", "{\"kind\":\"everyone\",\"refresh\":\""
                + admin.cookie(REFRESH).orElseThrow() + "\"}").status(), "an unknown kind");
        assertEquals(400, adminApi.postJson("api/admin/users/search", "{\"page\":0,\"refresh\":\""
                + admin.cookie(REFRESH).orElseThrow() + "\"}").status(), "page 0");
        assertEquals(400, adminApi.postJson("api/admin/users/search", "{\"page\":\"2\",\"refresh\":\""
                + admin.cookie(REFRESH).orElseThrow() + "\"}").status(), "a page is a number");
        Page superusers = adminApi.postJson("api/admin/users/search", "{\"kind\":\"superuser\",\"refresh\":\""
                + admin.cookie(REFRESH).orElseThrow() + "\"}");
        assertTrue(superusers.body().contains(ADMIN_EMAIL) && !superusers.body().contains(email), superusers.body());

        // a person and their sign-ins; ending one
        Page one = adminApi.postJson("api/admin/users/" + uuid, refresh(admin));
        assertEquals(200, one.status(), one.body());
        assertTrue(one.body().contains("\"browser\":\"Firefox 133\""), one.body());
        String id = one.body().replaceAll(".*\"id\":\"([^\"]+)\",\"browser\":\"Firefox 133\".*", "$1");
        assertEquals(404, adminApi.postJson("api/admin/users/no-such-person", refresh(admin)).status());
        assertEquals(404, adminApi.postJson("api/admin/users/" + adminUuid + "/sign-ins/" + id + "/end", refresh(admin))
                .status(), "a sign-in is ended only under its own person");
        assertEquals(200, adminApi.postJson("api/admin/users/" + uuid + "/sign-ins/" + id + "/end", refresh(admin)).status());
        assertEquals(404, adminApi.postJson("api/admin/users/" + uuid + "/sign-ins/" + id + "/end", refresh(admin)).status(),
                "once");
        person.dropCookie(ACCESS);
        assertEquals(200, person.get("login").status(), "that sign-in refreshes no more");

        // deactivate, reactivate, a reset link; never oneself
        assertEquals(302, Accounts.login(person, email, Accounts.PASSWORD, null).status());
        assertEquals(200, adminApi.postJson("api/admin/users/" + uuid + "/deactivate", refresh(admin)).status());
        assertEquals(401, person.get("api/me").status(), "deactivated: refused at once");
        assertEquals(404, adminApi.postJson("api/admin/users/" + uuid + "/reset-link", refresh(admin)).status(),
                "no link for a deactivated account");
        assertEquals(200, adminApi.postJson("api/admin/users/" + uuid + "/reactivate", refresh(admin)).status());
        assertEquals(202, adminApi.postJson("api/admin/users/" + uuid + "/reset-link", refresh(admin)).status());
        Page self = adminApi.postJson("api/admin/users/" + adminUuid + "/deactivate", refresh(admin));
        assertEquals(409, self.status(), self.body());
        assertEquals(404, adminApi.postJson("api/admin/users/no-such-person/deactivate", refresh(admin)).status());
        assertEquals(200, admin.get("api/me").status(), "the superuser is still in");
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"user-reactivated\",\"actor\":\"" + adminUuid + "\",\"user\":\""
                + uuid + "\""), "audited with who did it");
    }

    @Test
    default void aPersonChangesTheirNameAndTheirCookieSaysSoAtOnce() throws Exception {
        String email = Accounts.newEmail();
        Browser person = newPerson(email);
        String uuid = uuidOf(person);
        Page account = person.get("account");

        Page tooLong = person.submit(account, "name_form", Map.of("first_name", "A".repeat(151)), "change_name");
        assertEquals(List.of("Your first name is too long: use at most 150 characters."), tooLong.fieldErrors("first_name"));
        Page control = person.submit(account, "name_form", Map.of("last_name", "Bell\u0007"), "change_name");
        assertEquals(List.of("Your last name contains characters that cannot be shown. Remove them."),
                control.fieldErrors("last_name"));
        Browser accessOnly = browser();
        accessOnly.setCookie(ACCESS, person.cookie(ACCESS).orElseThrow());
        Page refused = accessOnly.submit(accessOnly.get("account"), "name_form", Map.of("first_name", "Mallory"), "change_name");
        assertTrue(refused.body().contains("needs your sign-in on this device"), refused.body());
        assertTrue(person.get("api/me").body().contains("\"first_name\":\"Ada\",\"last_name\":\"Lovelace\""),
                "unchanged so far");

        Page saved = person.submit(account, "name_form", Map.of("first_name", "  Zoë ", "last_name", "O'Brien-Łukasz"),
                "change_name");
        assertEquals(302, saved.status(), saved.body());
        String payload = new String(java.util.Base64.getUrlDecoder().decode(person.cookie(ACCESS).orElseThrow().split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"user_first_name\":\"Zoë\"") && payload.contains("\"user_last_name\":\"O'Brien-Łukasz\""),
                "the new access cookie carries the names: " + payload);
        Page after = person.get(saved.location());
        assertEquals("Zoë O'Brien-Łukasz", after.document().getElementById("name").text());
        assertTrue(after.messages().stream().anyMatch(m -> m.startsWith("Your name was saved")), after.body());
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"name-changed\",\"actor\":\"" + uuid + "\",\"user\":\"" + uuid
                + "\""), "audited");

        // the API
        Browser api = bearer(person);
        assertEquals(400, api.postJson("api/me/name", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\"}").status(), "no refresh");
        assertEquals(400, api.postJson("api/me/name", "{\"first_name\":\" \",\"last_name\":\"Lee\",\"refresh\":\""
                + person.cookie(REFRESH).orElseThrow() + "\"}").status(), "blank");
        Browser other = newPerson(Accounts.newEmail());
        assertEquals(403, api.postJson("api/me/name", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"refresh\":\""
                + other.cookie(REFRESH).orElseThrow() + "\"}").status(), "someone else's sign-in");
        Page renamed = api.postJson("api/me/name", "{\"first_name\":\"Ann\",\"last_name\":\"Lee\",\"refresh\":\""
                + person.cookie(REFRESH).orElseThrow() + "\"}");
        assertEquals(200, renamed.status(), renamed.body());
        String access = renamed.body().replaceAll(".*\"access\":\"([^\"]+)\".*", "$1");
        Page me = browser().header("Authorization", "Bearer " + access).get("api/me");
        assertTrue(me.body().contains("\"first_name\":\"Ann\",\"last_name\":\"Lee\""), me.body());
    }

    /**
     * A page left open longer than the access token lives (5 minutes by default): the browser no longer sends the
     * expired access cookie, so the form arrives with the refresh cookie alone. What was posted is carried out — the
     * refresh token is traded inline — instead of a detour through the login page that would drop it.
     */
    @Test
    default void aFormPostedAfterTheAccessCookieRanOutIsCarriedOut() throws Exception {
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String email = Accounts.newEmail();
        String uuid = uuidOf(newPerson(email));
        Page person = admin.get("admin/person?id=" + uuid);
        assertEquals("active", person.document().getElementById("status").text(), person.body());
        String refreshBefore = admin.cookie(REFRESH).orElseThrow();
        admin.dropCookie(ACCESS);
        Page staff = admin.submit(person, "person_form", Map.of(), "staff");
        assertEquals(200, staff.status(), staff.body());
        assertEquals("active, staff", staff.document().getElementById("status").text(), staff.body());
        assertTrue(staff.setCookie(ACCESS).isPresent() && admin.cookie(ACCESS).isPresent(), "a new access cookie");
        assertFalse(refreshBefore.equals(admin.cookie(REFRESH).orElseThrow()), "the refresh token rotated");

        // a person's own page, the same way
        Browser someone = newPerson(Accounts.newEmail());
        Page account = someone.get("account");
        someone.dropCookie(ACCESS);
        Page saved = someone.submit(account, "name_form", Map.of("first_name", "Mary", "last_name", "Somerville"),
                "change_name");
        assertEquals(302, saved.status(), saved.body());
        assertEquals("Mary Somerville", someone.get(saved.location()).document().getElementById("name").text());

        // a refresh cookie that no longer refreshes (signed out there, or not a token): to the login page with the
        // cookies dropped, nothing done
        Page again = admin.get("admin/person?id=" + uuid);
        Browser signedOut = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String revoked = signedOut.cookie(REFRESH).orElseThrow();
        assertEquals(302, signedOut.submit(signedOut.get("logout"), "logout_form", Map.of(), "logout").status());
        for (String refresh : List.of(revoked, "not.a.token")) {
            Browser stale = browser();
            stale.setCookie(REFRESH, refresh);
            Page refused = stale.submit(again, "person_form", Map.of(), "superuser");
            assertEquals(302, refused.status(), refused.body());
            assertTrue(refused.location().contains("/login?next="), refused.location());
            assertTrue(refused.setCookie(REFRESH).map(org.latchkey.support.SetCookie::deletes).orElse(false), "the refresh cookie dropped");
            Page back = admin.get(refused.location().substring(refused.location().indexOf("/login?next=") + 1));
            assertEquals(302, back.status(), "signed in again (here: the admin's own session), on to next: " + back.body());
            assertTrue(admin.get(back.location()).location().endsWith("/admin/users"), "a form's address leads to the list");
        }
        assertEquals("active, staff", admin.get("admin/person?id=" + uuid).document().getElementById("status").text(),
                "not made superuser");
    }

    @Test
    default void everyAnswerCarriesARequestIdThatItsAuditLinesCarryToo() throws Exception {
        Browser stranger = browser();
        Page login = stranger.get("login");
        Page refused = stranger.submit(login, "login_form", Map.of("email", Accounts.newEmail(), "password", "not-it"), "login");
        String id = refused.header("X-Request-Id").orElseThrow();
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        assertFalse(id.equals(login.header("X-Request-Id").orElseThrow()), "one a request");
        assertTrue(Logs.shows(this::serverLog, "\"request\":\"" + id + "\",\"event\":\"login\",\"actor\":\"anonymous\","),
                "the refusal's audit line names the request");
        Browser admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Page reset = bearer(admin).postJson("api/admin/users/" + uuidOf(newPerson(Accounts.newEmail())) + "/reset-link",
                refresh(admin));
        assertEquals(202, reset.status(), reset.body());
        assertTrue(Logs.shows(this::serverLog, "\"request\":\"" + reset.header("X-Request-Id").orElseThrow()
                + "\",\"event\":\"reset-link-sent\",\"actor\":\"" + uuidOf(admin) + "\""), "and the API's");
    }
}
