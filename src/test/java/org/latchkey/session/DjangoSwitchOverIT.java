package org.latchkey.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.latchkey.support.Accounts;
import org.latchkey.support.Browser;
import org.latchkey.support.Browser.Page;
import org.latchkey.support.Logs;
import org.latchkey.support.PayaraMicroProcess;
import org.latchkey.token.SimplejwtInteropTest;
import org.latchkey.token.TestKeys;
import org.latchkey.token.TokenIssuer;
import org.latchkey.token.TokenKeys;
import org.latchkey.token.TokenSettings;

/**
 * The switch-over from the article's Django auth service: refresh tokens minted by Debian's simplejwt the article's
 * way, with the shared key, before the cut-over, each become a Latchkey sign-in once — through the cookie (a silent
 * refresh) and through the API — and never for a superuser, never twice, never a token minted after the cut-over,
 * never an unknown token of Latchkey's own shape.
 */
class DjangoSwitchOverIT {

    static final String REFRESH = "latchkey.refresh";
    static final String ACCESS = "latchkey.access";
    static final String DJANGO_REFRESH = "org.breakthesystem.jwt.refresh";

    @Test
    void djangoRefreshTokensMintedBeforeTheCutOverEachBecomeOneSignIn() throws Exception {
        String key = TestKeys.random() + TestKeys.random();
        String adminEmail = Accounts.newEmail();
        String adminPassword = TestKeys.random().substring(0, 24);
        Instant cutover = Instant.now().plusSeconds(45).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Path testDir = Files.createDirectories(Path.of(System.getProperty("latchkey.testDir", "target/it")).toAbsolutePath());
        try (PayaraMicroProcess server = PayaraMicroProcess.start("django-switch-over",
                Files.createTempDirectory(testDir, "switch-over-data"), Map.of("JWT_SIGNING_KEY", key,
                        "latchkey.cookie.secure", "false", "latchkey.password.bcrypt-cost", "8",
                        "latchkey.registration.email-verification", "off", "latchkey.session.django-cutover",
                        cutover.toString(), "latchkey.admin.email", adminEmail, "latchkey.admin.password", adminPassword))) {
            String email = Accounts.newEmail();
            Browser person = new Browser(server.base());
            assertEquals(302, Accounts.register(person, email, null).status());
            long userId = userId(server, email, Accounts.PASSWORD);
            long adminId = userId(server, adminEmail, adminPassword);

            // a person signed in at the Django service before the switch: their refresh cookie, a silent refresh
            String django = mint(key, userId);
            Browser carried = new Browser(server.base());
            carried.setCookie(DJANGO_REFRESH, django); // the article's cookie, as the browser still holds it
            Page refreshed = carried.get("login?next=/account");
            assertEquals(302, refreshed.status(), "signed in without the form: " + refreshed.body());
            assertNotEquals(django, carried.cookie(REFRESH).orElseThrow(), "a refresh token of Latchkey's own now");
            assertEquals(Optional.empty(), carried.cookie(DJANGO_REFRESH), "the Django cookie is dropped");
            assertTrue(carried.get("api/me").body().contains("\"email\":\"" + email + "\""));
            carried.dropCookie(ACCESS);
            assertEquals(302, carried.get("login").status(), "and it refreshes as any Latchkey sign-in");
            assertTrue(Logs.shows(server::log, "\"outcome\":\"carried-over-from-django\""), "audited");

            // once: the same Django token again, from anywhere, is refused
            Browser replay = new Browser(server.base());
            replay.setCookie(DJANGO_REFRESH, django);
            assertEquals(200, replay.get("login").status(), "the form: a Django token is carried over once");
            assertTrue(Logs.shows(server::log, "\"outcome\":\"django-token-reused\""));
            assertEquals(401, new Browser(server.base()).postJson("api/token/refresh", "{\"refresh\":\"" + django + "\"}")
                    .status());

            // the API: another Django token of theirs (another device) becomes a pair of Latchkey's
            Page api = new Browser(server.base()).postJson("api/token/refresh", "{\"refresh\":\"" + mint(key, userId) + "\"}");
            assertEquals(200, api.status(), api.body());
            assertTrue(api.body().contains("\"access\"") && api.body().contains("\"refresh\""), api.body());

            // never for a superuser: they sign in again
            Browser admin = new Browser(server.base());
            admin.setCookie(REFRESH, mint(key, adminId)); // under Latchkey's own name: read the same way
            assertEquals(200, admin.get("login").status());
            assertTrue(Logs.shows(server::log, "\"outcome\":\"django-carry-over-not-for-staff\""));

            // an unknown token of Latchkey's own (it names its key) is not a Django one
            TokenIssuer issuer = new TokenIssuer(TokenKeys.load("HS512", Optional.of(key), Optional.empty(),
                    Optional.empty(), List.of(), Path.of("target")), new TokenSettings("HS512", Duration.ofMinutes(5),
                    Duration.ofDays(5), Duration.ofSeconds(10), Optional.empty(), Optional.empty()));
            Browser forged = new Browser(server.base());
            forged.setCookie(REFRESH, issuer.refresh(userId, Instant.now(), Instant.now().plus(Duration.ofDays(1))).value());
            assertEquals(200, forged.get("login").status(), "unknown, as before");

            // a token the Django service could not have issued: no iat (a key holder's, or simplejwt 4's), a life
            // longer than the service gave its tokens
            Browser noIat = new Browser(server.base());
            noIat.setCookie(DJANGO_REFRESH, forged(key, userId, null, Instant.now().plus(Duration.ofDays(5))));
            assertEquals(200, noIat.get("login").status(), "the form: nothing bounds a token without an iat");
            assertTrue(Logs.shows(server::log, "\"outcome\":\"django-token-without-iat\""));
            Browser longLived = new Browser(server.base());
            longLived.setCookie(DJANGO_REFRESH, forged(key, userId, Instant.now(), Instant.now().plus(Duration.ofDays(30))));
            assertEquals(200, longLived.get("login").status());
            assertTrue(Logs.shows(server::log, "\"outcome\":\"django-token-lifetime-too-long\""));
            Browser tooOld = new Browser(server.base());
            tooOld.setCookie(DJANGO_REFRESH, forged(key, userId, cutover.minus(Duration.ofDays(6)),
                    Instant.now().plus(Duration.ofDays(1))));
            assertEquals(200, tooOld.get("login").status());
            assertTrue(Logs.shows(server::log, "\"outcome\":\"django-token-too-old\""));

            // after the cut-over, what the Django service mints is not believed
            long wait = Duration.between(Instant.now(), cutover).toMillis() + 1_500;
            if (wait > 0) {
                Thread.sleep(wait);
            }
            Browser late = new Browser(server.base());
            late.setCookie(REFRESH, mint(key, userId));
            assertEquals(200, late.get("login").status());
            assertTrue(Logs.shows(server::log, "\"outcome\":\"django-token-after-cutover\""));
            assertEquals(302, carried.get("login").status(), "the carried-over sign-in lives on");
        }
    }

    /** A refresh token in simplejwt's shape, minted by whoever holds the key, with these times. */
    private static String forged(String key, long userId, Instant issued, Instant expires) throws Exception {
        org.jose4j.jwt.JwtClaims claims = new org.jose4j.jwt.JwtClaims();
        claims.setClaim("token_type", "refresh");
        if (issued != null) {
            claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(issued.getEpochSecond()));
        }
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setJwtId(java.util.UUID.randomUUID().toString().replace("-", ""));
        claims.setClaim("user_id", userId);
        org.jose4j.jws.JsonWebSignature jws = new org.jose4j.jws.JsonWebSignature();
        jws.setAlgorithmHeaderValue(org.jose4j.jws.AlgorithmIdentifiers.HMAC_SHA512);
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(new org.jose4j.keys.HmacKey(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jws.getCompactSerialization();
    }

    /** A refresh token as the article's auth service mints it: Debian's simplejwt, the shared key, HS512. */
    private static String mint(String key, long userId) throws Exception {
        return (String) SimplejwtInteropTest.run(Map.of("key", key, "mint", Map.of("user_id", userId)), 0).get("refresh");
    }

    private static long userId(PayaraMicroProcess server, String email, String password) throws Exception {
        Page pair = new Browser(server.base()).postJson("api/token", "{\"email\":\"" + email + "\",\"password\":\""
                + password + "\"}");
        assertEquals(200, pair.status(), pair.body());
        String access = pair.body().replaceAll(".*\"access\":\"([^\"]+)\".*", "$1");
        Page me = new Browser(server.base()).header("Authorization", "Bearer " + access).get("api/me");
        return Long.parseLong(me.body().replaceAll(".*\"user_id\":\"?(\\d+)\"?.*", "$1"));
    }
}
