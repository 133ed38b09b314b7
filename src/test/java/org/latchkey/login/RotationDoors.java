package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.Logs;

/**
 * Only the newest refresh token of a sign-in proves it — at a refresh, for a person's own changes and for a
 * superuser's actions: a token retired longer ago than the grace window (these servers: 2 s) is reuse, and so is a
 * retired token whose successor has itself rotated; either revokes the whole family and is audited. A rotation a
 * moment ago (another tab) still counts. Run on every server by the classes that run {@link PeopleDoors}.
 */
interface RotationDoors extends Doors {

    private static String field(Page page, String name) {
        assertEquals(200, page.status(), page.body());
        return page.body().replaceAll(".*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }

    private Page pair(String email, String password) throws Exception {
        return browser().postJson("api/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private Page refresh(String refresh) throws Exception {
        return browser().postJson("api/token/refresh", "{\"refresh\":\"" + refresh + "\"}");
    }

    private Page rename(String access, String refresh, String last) throws Exception {
        return browser().header("Authorization", "Bearer " + access).postJson("api/me/name",
                "{\"first_name\":\"Ada\",\"last_name\":\"" + last + "\",\"refresh\":\"" + refresh + "\"}");
    }

    @Test
    default void onlyTheNewestRefreshTokenProvesTheSession() throws Exception {
        String email = Accounts.newEmail();
        Browser person = newPerson(email);
        String uuid = person.get("account").document().getElementById("uuid").text();
        Page first = pair(email, Accounts.PASSWORD);
        String r1 = field(first, "refresh");
        Page second = refresh(r1);
        String r2 = field(second, "refresh");
        String access = field(second, "access");
        Page justRotated = rename(access, r1, "Tab");
        assertEquals(200, justRotated.status(), "a token rotated a moment ago (another tab) still proves it: " + justRotated.body());

        Page adminFirst = pair(ADMIN_EMAIL, ADMIN_PASSWORD);
        String a1 = field(adminFirst, "refresh");
        Page adminSecond = refresh(a1);
        String a2 = field(adminSecond, "refresh");
        String adminAccess = field(adminSecond, "access");

        Thread.sleep(3_500); // past the 2 s grace window (times are whole seconds)
        String r3 = field(refresh(r2), "refresh");
        String a3 = field(refresh(a2), "refresh");

        Page old = rename(access, r1, "Thief");
        assertEquals(403, old.status(), "a token rotated twice, long ago, proves nothing: " + old.body());
        assertEquals(401, refresh(r3).status(), "and it was reuse: the whole family is revoked, the newest token included");
        assertTrue(Logs.shows(this::serverLog, "\"event\":\"refresh-reuse-detected\",\"actor\":\"" + uuid
                + "\",\"user\":\"" + uuid + "\""), "audited, as done by the holder of the person's access token");
        String now = field(pair(email, Accounts.PASSWORD), "access"); // a new token carries the names as they are
        Page me = browser().header("Authorization", "Bearer " + now).get("api/me");
        assertTrue(me.body().contains("\"last_name\":\"Tab\""), "the old token changed nothing: " + me.body());

        Page search = browser().header("Authorization", "Bearer " + adminAccess).postJson("api/admin/users/search",
                "{\"q\":\"" + email + "\",\"refresh\":\"" + a1 + "\"}");
        assertEquals(403, search.status(), "nor does it for a superuser's action: " + search.body());
        assertEquals(401, refresh(a3).status(), "the superuser's family is revoked too");
        assertEquals(200, pair(ADMIN_EMAIL, ADMIN_PASSWORD).status(), "a new sign-in works");

        // inside the grace window: a retired token whose successor has rotated in turn is an old copy
        String q1 = field(pair(email, Accounts.PASSWORD), "refresh");
        String q2 = field(refresh(q1), "refresh");
        Page retry = refresh(q1);
        assertEquals(200, retry.status(), "a retry inside the window gets the same successor");
        assertEquals(q2, field(retry, "refresh"));
        String q3 = field(refresh(q2), "refresh");
        assertEquals(401, refresh(q1).status(), "its successor has rotated: reuse, even inside the window");
        assertEquals(401, refresh(q3).status(), "the family is revoked");

        // and the newest token keeps working for a change, rotation after rotation
        Page fresh = pair(email, Accounts.PASSWORD);
        String n2 = field(refresh(field(fresh, "refresh")), "refresh");
        Page third = refresh(n2);
        assertEquals(200, rename(field(third, "access"), field(third, "refresh"), "Byron").status());
    }
}
