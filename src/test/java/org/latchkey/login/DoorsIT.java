package org.latchkey.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.PayaraMicroProcess;

/**
 * {@link Doors} on Payara Micro: one server for the class, with a first superuser whose password the test makes up
 * and a signing key it knows (as every service on the domain does).
 */
class DoorsIT implements PeopleDoors {

    static PayaraMicroProcess server;

    @BeforeAll
    static void start() throws Exception {
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        server = PayaraMicroProcess.start("doors", Files.createTempDirectory(testDir, "doors-data"), Doors.settings());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /**
     * 1,200 more people (through the API, as anyone registers), then the admin page: 50 a page, every one of them
     * reachable by paging, a search that finds one of them by name and by part of the address, and a kind filter.
     */
    @Test
    void theAdminPagePagesThroughEveryoneAndFindsOne() throws Exception {
        String tag = "pg" + Long.toString(System.nanoTime(), 36);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<Integer>> made = new java.util.ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            String email = String.format("%s-%04d@example.test", tag, i);
            String last = i == 777 ? "Zwicky" : "Person";
            made.add(threads.submit(() -> new Browser(doors()).postJson("api/users", "{\"first_name\":\"Paged\","
                    + "\"last_name\":\"" + last + "\",\"email\":\"" + email + "\",\"password\":\"" + Accounts.PASSWORD
                    + "\"}").status()));
        }
        for (java.util.concurrent.Future<Integer> status : made) {
            assertEquals(201, status.get(5, java.util.concurrent.TimeUnit.MINUTES));
        }
        threads.shutdown();
        Browser admin = new Browser(doors());
        assertEquals(302, Accounts.login(admin, ADMIN_EMAIL, ADMIN_PASSWORD, null).status());

        Browser.Page first = admin.get("admin/users?q=" + tag);
        assertEquals("1\u201350 of 1,200", found(first));
        java.util.Set<String> seen = new java.util.HashSet<>();
        Browser.Page page = first;
        for (int number = 1; ; number++) {
            java.util.List<String> rows = page.document().select("tr[data-uuid] td:first-child").eachText();
            assertEquals(50, rows.size(), "page " + number);
            assertEquals(rows.stream().sorted().toList(), rows, "by address");
            seen.addAll(rows);
            org.jsoup.nodes.Element next = page.document().getElementById("next");
            if (next == null) {
                assertEquals(24, number, "1,200 in pages of 50");
                break;
            }
            page = admin.get("admin/users" + next.attr("href"));
        }
        assertEquals(1_200, seen.size(), "each one once, no cap");
        java.util.List<String> byName = admin.get("admin/users?q=zwick").document().select("tr[data-uuid] td:first-child")
                .eachText(); // a database shared with earlier runs holds their Zwickys too
        assertTrue(byName.contains(tag + "-0777@example.test") && byName.stream().allMatch(e -> e.endsWith("-0777@example.test")),
                "by name: " + byName);
        assertEquals(java.util.List.of(tag + "-0042@example.test"),
                admin.get("admin/users?q=" + tag + "-0042").document().select("tr[data-uuid] td:first-child").eachText(),
                "by part of the address");
        assertEquals("0\u20130 of 0", found(admin.get("admin/users?q=" + tag + "&kind=deactivated")), "a kind filter");
        assertEquals("0\u20130 of 0", found(admin.get("admin/users?q=%25" + tag)), "% is a character, not a wildcard");
        Browser.Page odd = admin.get("admin/users?q=" + tag + "&kind=nonsense&page=-3");
        assertEquals(200, odd.status(), "odd parameters are read as the first page of everyone");
        assertEquals("1\u201350 of 1,200", found(odd));
        assertEquals(0, new Browser(doors()).get("admin/users?q=" + tag).document()
                .select("tr[data-uuid]").size(), "nobody sees it without a superuser's sign-in");
    }

    private static String found(Browser.Page page) {
        org.jsoup.nodes.Element found = page.document().getElementById("found");
        assertTrue(found != null, page.status() + " " + page.body());
        return found.text();
    }

    @Override
    public URI doors() {
        return server.base();
    }

    @Override
    public String serverLog() throws Exception {
        return server.log();
    }
}
