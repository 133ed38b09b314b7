package org.latchkey.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Deployments;

/** The JSON API on Payara Micro: simplejwt's endpoints and shapes, and every refusal as JSON with the right status. */
@ExtendWith(ArquillianExtension.class)
class ApiIT {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.latchkey();
    }

    @ArquillianResource
    URL base;

    record Answer(int status, JsonObject json, HttpResponse<String> raw) {
        String get(String field) {
            return json.getString(field);
        }
    }

    private Answer post(String path, String contentType, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.toURI().resolve(path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer(response);
    }

    private Answer post(String path, JsonObject body) throws Exception {
        return post(path, "application/json", body.toString());
    }

    private Answer me(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.toURI().resolve("api/me"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return answer(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.statusCode() + " " + response.body());
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        return new Answer(response.statusCode(), json, response);
    }

    private static JsonObject credentials(String email, String password) {
        return Json.createObjectBuilder().add("email", email).add("password", password).build();
    }

    private static JsonObject field(String name, String value) {
        return Json.createObjectBuilder().add(name, value).build();
    }

    private String newAccount() throws Exception {
        String email = Accounts.newEmail();
        assertEquals(302, Accounts.register(new Browser(base.toURI()), email, null).status());
        return email;
    }

    @Test
    void aClientDoesEverythingABrowserCan() throws Exception {
        String email = newAccount();
        Answer pair = post("api/token", credentials(email.toUpperCase(), Accounts.PASSWORD));
        assertEquals(200, pair.status(), pair.json().toString());
        assertEquals("no-store", pair.raw().headers().firstValue("Cache-Control").orElse(""));
        String access = pair.get("access");
        String refresh = pair.get("refresh");
        assertEquals("access", claims(access).getString("token_type"));
        assertEquals("refresh", claims(refresh).getString("token_type"));

        Answer me = me("Bearer " + access);
        assertEquals(200, me.status());
        assertEquals(email, me.get("email"));
        assertEquals("Ada", me.get("first_name"));
        assertEquals(claims(access).getString("user_uuid"), me.get("user_uuid"));
        assertEquals(List.of("user"), me.json().getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString));

        assertEquals(200, post("api/token/verify", field("token", access)).status());
        assertEquals(200, post("api/token/verify", field("token", refresh)).status());

        Answer rotated = post("api/token/refresh", field("refresh", refresh));
        assertEquals(200, rotated.status());
        assertNotEquals(refresh, rotated.get("refresh"), "the refresh token rotates");
        assertEquals(200, me("Bearer " + rotated.get("access")).status());
        assertEquals(401, post("api/token/verify", field("token", refresh)).status(), "a retired refresh token is not live");

        Thread.sleep(3_500); // past the test server's 2 s grace (times are whole seconds): the retired token again is reuse
        Answer reuse = post("api/token/refresh", field("refresh", refresh));
        assertEquals(401, reuse.status());
        assertEquals("token_not_valid", reuse.get("code"));
        assertEquals(401, post("api/token/refresh", field("refresh", rotated.get("refresh"))).status(),
                "reuse revoked the whole family, the newest token included");

        String second = post("api/token", credentials(email, Accounts.PASSWORD)).get("refresh");
        assertEquals(200, post("api/token/blacklist", field("refresh", second)).status());
        assertEquals(401, post("api/token/refresh", field("refresh", second)).status(), "blacklisted: no more refreshes");
        assertEquals(401, post("api/token/blacklist", field("refresh", second)).status(), "already blacklisted");
        assertEquals(401, post("api/token/verify", field("token", second)).status());
    }

    @Test
    void registrationPasswordChangeAndSignOutEverywhereWithoutAForm() throws Exception {
        String email = Accounts.newEmail();
        JsonObject person = Json.createObjectBuilder().add("first_name", "Grace").add("last_name", "Hopper")
                .add("email", email).add("password", Accounts.PASSWORD).build();
        Answer created = post("api/users", person);
        assertEquals(201, created.status(), created.json().toString());
        assertEquals(email, created.get("email"));
        Answer again = post("api/users", person);
        assertEquals(400, again.status());
        assertEquals("invalid", again.get("code"));
        assertTrue(again.json().getJsonObject("fields").getJsonArray("email").getString(0).contains("already taken"));
        Answer bad = post("api/users", Json.createObjectBuilder().add("email", "nope").add("password", "123").build());
        assertEquals(400, bad.status());
        assertEquals(java.util.Set.of("first_name", "last_name", "email", "password"), bad.json().getJsonObject("fields").keySet());

        JsonObject laptop = post("api/token", credentials(email, Accounts.PASSWORD)).json();
        JsonObject phone = post("api/token", credentials(email, Accounts.PASSWORD)).json();
        String newPassword = "quartz-lantern-meadow-77";
        Answer wrongCurrent = post("api/me/password", laptop.getString("access"), Json.createObjectBuilder()
                .add("current_password", "not-it").add("new_password", newPassword)
                .add("refresh", laptop.getString("refresh")).build());
        assertEquals(400, wrongCurrent.status());
        assertTrue(wrongCurrent.json().getJsonObject("fields").containsKey("current_password"));
        Answer changed = post("api/me/password", laptop.getString("access"), Json.createObjectBuilder()
                .add("current_password", Accounts.PASSWORD).add("new_password", newPassword)
                .add("refresh", laptop.getString("refresh")).build());
        assertEquals(200, changed.status(), changed.json().toString());
        assertEquals(401, me("Bearer " + laptop.getString("access")).status(), "access tokens from before are refused here");
        assertEquals(200, me("Bearer " + changed.get("access")).status(), "the answer carries this client's new one");
        assertEquals(401, post("api/token/refresh", field("refresh", phone.getString("refresh"))).status(),
                "the other sign-in ended");
        Answer kept = post("api/token/refresh", field("refresh", laptop.getString("refresh")));
        assertEquals(200, kept.status(), "the sign-in that changed it stays");
        assertEquals(401, post("api/token", credentials(email, Accounts.PASSWORD)).status(), "the old password is gone");

        HttpResponse<String> formPost = HTTP.send(HttpRequest.newBuilder(base.toURI().resolve("api/me/sign-out-everywhere"))
                .header("Authorization", "Bearer " + kept.get("access")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, formPost.statusCode(), "a form cannot trigger it");
        assertEquals(400, post("api/me/sign-out-everywhere", kept.get("access"), Json.createObjectBuilder().build()).status(),
                "the access token alone is not enough: this client's refresh token is required");
        assertEquals(200, post("api/me/sign-out-everywhere", kept.get("access"), Json.createObjectBuilder()
                .add("refresh", kept.get("refresh")).build()).status());
        assertEquals(401, post("api/token/refresh", field("refresh", kept.get("refresh"))).status(), "every sign-in ended");
        assertEquals(401, post("api/me/sign-out-everywhere", "garbage", Json.createObjectBuilder().build()).status());
    }

    /**
     * A thief loops {@code /api/token/refresh} with a stolen sign-in of the victim while the victim signs out
     * everywhere: whichever commits first, the thief's newest refresh token is dead afterwards. Before rotations and
     * revocations took the person's row lock, 13 of 40 such trials on H2 left the thief a live token.
     */
    @Test
    void signOutEverywhereWinsAgainstARotationInFlight() throws Exception {
        String email = newAccount();
        int trials = 20;
        int rotationsDuring = 0;
        for (int trial = 0; trial < trials; trial++) {
            JsonObject victim = post("api/token", credentials(email, Accounts.PASSWORD)).json();
            JsonObject stolen = post("api/token", credentials(email, Accounts.PASSWORD)).json();
            java.util.concurrent.atomic.AtomicReference<String> newest =
                    new java.util.concurrent.atomic.AtomicReference<>(stolen.getString("refresh"));
            java.util.concurrent.atomic.AtomicBoolean signedOut = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.CountDownLatch looping = new java.util.concurrent.CountDownLatch(2);
            java.util.concurrent.atomic.AtomicInteger after = new java.util.concurrent.atomic.AtomicInteger();
            Thread thief = new Thread(() -> {
                try {
                    long stopAt = Long.MAX_VALUE;
                    while (System.nanoTime() < stopAt) {
                        Answer refreshed = post("api/token/refresh", field("refresh", newest.get()));
                        looping.countDown();
                        if (refreshed.status() != 200) {
                            break;
                        }
                        newest.set(refreshed.get("refresh"));
                        if (signedOut.get()) {
                            after.incrementAndGet();
                            stopAt = Math.min(stopAt, System.nanoTime() + 1_000_000_000L);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thief.start();
            looping.await();
            assertEquals(200, post("api/me/sign-out-everywhere", victim.getString("access"), Json.createObjectBuilder()
                    .add("refresh", victim.getString("refresh")).build()).status());
            signedOut.set(true);
            thief.join(10_000);
            assertFalse(thief.isAlive(), "the thief's loop ended: a refresh was refused");
            assertTrue(after.get() <= 1, "trial " + trial + ": at most the rotation in flight succeeds afterwards: " + after.get());
            rotationsDuring += after.get();
            assertEquals(401, post("api/token/refresh", field("refresh", newest.get())).status(),
                    "trial " + trial + ": the thief's newest refresh token is dead");
        }
        System.out.printf("FIGURES revocation race: %d trials, %d thief refreshes answered 200 after the sign-out returned"
                + " (each from a rotation already in flight), no live token left%n", trials, rotationsDuring);
    }

    private Answer post(String path, String bearer, JsonObject body) throws Exception {
        return answer(HTTP.send(HttpRequest.newBuilder(base.toURI().resolve(path)).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void wrongCredentialsAndBadTokensAreRefusedAlike() throws Exception {
        String email = newAccount();
        Answer wrong = post("api/token", credentials(email, "not-the-password"));
        Answer unknown = post("api/token", credentials(Accounts.newEmail(), Accounts.PASSWORD));
        assertEquals(401, wrong.status());
        assertEquals(wrong.json(), unknown.json(), "no account enumeration");
        assertEquals("no_active_account", wrong.get("code"));

        String access = post("api/token", credentials(email, Accounts.PASSWORD)).get("access");
        String refresh = post("api/token", credentials(email, Accounts.PASSWORD)).get("refresh");
        String[] parts = access.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
                + "." + parts[1] + ".";
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        for (String bad : List.of("garbage", none, tampered, access + "x", "x" + refresh)) {
            Answer verify = post("api/token/verify", field("token", bad));
            assertEquals(401, verify.status(), bad);
            assertEquals("token_not_valid", verify.get("code"));
            Answer asBearer = me("Bearer " + bad);
            assertEquals(401, asBearer.status(), "as a Bearer token: " + bad);
            assertEquals("Bearer realm=\"latchkey\", error=\"invalid_token\"",
                    asBearer.raw().headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, post("api/token/refresh", field("refresh", bad)).status(), "as a refresh token: " + bad);
        }
        assertEquals(401, me("Bearer " + refresh).status(), "a refresh token is not an access token");
        assertEquals(401, post("api/token/refresh", field("refresh", access)).status(), "nor the other way round");
        assertEquals(401, post("api/token/blacklist", field("refresh", access)).status());
        Answer anonymous = me(null);
        assertEquals(401, anonymous.status());
        assertEquals("not_authenticated", anonymous.get("code"));
        assertEquals("Bearer realm=\"latchkey\"", anonymous.raw().headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void malformedRequestsGetAClearFourHundred() throws Exception {
        assertRefused(post("api/token", "text/plain", "{\"email\":\"a@b.cd\",\"password\":\"x\"}"), 415, "unsupported_media_type");
        assertRefused(post("api/token", "application/x-www-form-urlencoded", "email=a@b.cd&password=x"), 415, "unsupported_media_type");
        assertRefused(post("api/token", "application/json", "{\"email\": \"a@b.cd\", "), 400, "parse_error");
        assertRefused(post("api/token", "application/json", ""), 400, "parse_error");
        assertRefused(post("api/token", "application/json", "[1, 2]"), 400, "parse_error");
        assertRefused(post("api/token", "application/json", "{\"email\": \"a@b.cd\"}"), 400, "required");
        assertRefused(post("api/token", "application/json", "{\"email\": 42, \"password\": \"x\"}"), 400, "invalid");
        assertRefused(post("api/token/refresh", "application/json", "{\"refresh\": \"\"}"), 400, "blank");
        assertRefused(post("api/token", "application/json", "{\"email\": \"" + "a".repeat(9000) + "\", \"password\": \"x\"}"),
                413, "request_too_large");
        HttpResponse<String> get = HTTP.send(HttpRequest.newBuilder(base.toURI().resolve("api/token")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(answer(get), 405, "method_not_allowed");
        HttpResponse<String> missing = HTTP.send(HttpRequest.newBuilder(base.toURI().resolve("api/nothing-here")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertRefused(answer(missing), 404, "not_found");
    }

    @Test
    void guessingIsThrottledWithRetryAfterForThatAccountOnly() throws Exception {
        String email = newAccount();
        String other = newAccount();
        Answer last = null;
        for (int i = 0; i < 12 && (last == null || last.status() != 429); i++) {
            last = post("api/token", credentials(email, "wrong-" + i));
        }
        assertEquals(429, last.status(), "throttled after the account's failures: " + last.json());
        assertEquals("throttled", last.get("code"));
        long retryAfter = Long.parseLong(last.raw().headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 4, "Retry-After within the test server's 4 s cap: " + retryAfter);
        assertEquals(429, post("api/token", credentials(email, Accounts.PASSWORD)).status(),
                "the right password during the wait is refused without being checked");
        assertEquals(200, post("api/token", credentials(other, Accounts.PASSWORD)).status(), "another account is unaffected");
        Thread.sleep((retryAfter + 1) * 1000);
        assertEquals(200, post("api/token", credentials(email, Accounts.PASSWORD)).status(), "after Retry-After it works");
    }

    private static void assertRefused(Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.json().toString());
        assertEquals(code, answer.get("code"), answer.json().toString());
        assertFalse(answer.get("detail").isBlank());
    }

    private static JsonObject claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        return Json.createReader(new StringReader(payload)).readObject();
    }
}
