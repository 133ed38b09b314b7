package org.latchkey.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

/**
 * The carried-over Django tokens' rows are deleted once no Django token can be taken any more (the cut-over plus
 * the session lifetime), and not before: until then a row is what refuses a second use. With no cut-over set they
 * stay, so that setting it again cannot let a carried token in twice.
 */
class DjangoRefreshPurgeTest {

    static final Instant CUTOVER = Instant.parse("2027-01-15T06:00:00Z");

    private final List<String> statements = new ArrayList<>();

    private DjangoRefresh refresh(Optional<Instant> cutover) {
        DjangoRefresh refresh = new DjangoRefresh();
        refresh.settings = new SessionSettings(Duration.ofDays(30), Duration.ofSeconds(10), cutover,
                SessionSettings.ARTICLE_REFRESH_COOKIE, Duration.ofDays(5));
        Query query = (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "executeUpdate" -> 3;
                    case "getSingleResult" -> 0L; // no row for this token yet
                    case "setParameter" -> proxy;
                    default -> null;
                });
        refresh.em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    statements.add(method.getName() + ": " + args[0]);
                    return query;
                });
        return refresh;
    }

    @Test
    void theRowsGoOnlyOnceTheWindowIsOver() {
        DjangoRefresh refresh = refresh(Optional.of(CUTOVER));
        assertEquals(0, refresh.purge(CUTOVER.minusSeconds(1)));
        assertEquals(0, refresh.purge(CUTOVER.plus(Duration.ofDays(5)).minusMillis(1)), "the last moment a token is taken");
        assertEquals(List.of(), statements);
        assertEquals(3, refresh.purge(CUTOVER.plus(Duration.ofDays(5))), "the window is the Django refresh lifetime");
        assertEquals(List.of("createNativeQuery: DELETE FROM django_refresh_carried"), statements);
    }

    /** A refresh token the Django service could have issued: simplejwt's shape, no kid, the shared key. */
    private static String djangoToken(JwtClaims claims) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA512);
        jws.setPayload(claims.toJson());
        jws.setKey(new HmacKey(new byte[64]));
        return jws.getCompactSerialization();
    }

    private static JwtClaims claims(Instant issued, Instant expires) {
        JwtClaims claims = new JwtClaims();
        claims.setClaim("token_type", "refresh");
        if (issued != null) {
            claims.setIssuedAt(NumericDate.fromSeconds(issued.getEpochSecond()));
        }
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setJwtId("jti-" + issued + "-" + expires);
        claims.setClaim("user_id", 7);
        return claims;
    }

    /**
     * Only what the Django service itself could have issued is carried over: an iat, before the cut-over and no more
     * than its refresh lifetime (5 days here) before it, a lifetime no longer than that, within the window after it.
     */
    @Test
    void onlyATokenTheDjangoServiceCouldHaveIssuedIsCarriedOver() throws Exception {
        DjangoRefresh refresh = refresh(Optional.of(CUTOVER));
        org.latchkey.user.User person = new org.latchkey.user.TestUsers().add(true, false);
        Instant now = CUTOVER.plus(Duration.ofDays(1));
        Instant issued = CUTOVER.minus(Duration.ofDays(2));
        java.util.function.BiFunction<Instant, Instant, Optional<String>> refusal = (iat, exp) -> {
            try {
                JwtClaims claims = claims(iat, exp);
                return refresh.refusal(djangoToken(claims), claims, person, now);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        assertEquals(Optional.empty(), refusal.apply(issued, issued.plus(Duration.ofDays(5))), "issued the Django way");
        assertEquals(Optional.of("django-token-without-iat"), refusal.apply(null, issued.plus(Duration.ofDays(5))),
                "simplejwt 4 sets no iat: nothing bounds what a key holder could mint");
        assertEquals(Optional.of("django-token-after-cutover"), refusal.apply(CUTOVER, CUTOVER.plus(Duration.ofDays(5))));
        assertEquals(Optional.of("django-token-too-old"), refusal.apply(CUTOVER.minus(Duration.ofDays(6)),
                CUTOVER.plus(Duration.ofDays(30))), "issued longer before the cut-over than Django's tokens live");
        assertEquals(Optional.of("django-token-lifetime-too-long"), refusal.apply(issued, issued.plus(Duration.ofDays(30))),
                "a longer life than the Django service gave its tokens");
        JwtClaims late = claims(issued, issued.plus(Duration.ofDays(5)));
        assertEquals(Optional.of("django-carry-over-closed"), refresh.refusal(djangoToken(late), late, person,
                CUTOVER.plus(Duration.ofDays(5))), "the window is the Django lifetime after the cut-over");
    }

    @Test
    void withNoCutOverTheyStay() {
        assertEquals(0, refresh(Optional.empty()).purge(CUTOVER.plus(Duration.ofDays(400))));
        assertEquals(List.of(), statements);
    }
}
