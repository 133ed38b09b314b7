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
                SessionSettings.ARTICLE_REFRESH_COOKIE);
        Query query = (Query) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> method.getName().equals("executeUpdate") ? 3 : null);
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
        assertEquals(0, refresh.purge(CUTOVER.plus(Duration.ofDays(30)).minusMillis(1)), "the last moment a token is taken");
        assertEquals(List.of(), statements);
        assertEquals(3, refresh.purge(CUTOVER.plus(Duration.ofDays(30))));
        assertEquals(List.of("createNativeQuery: DELETE FROM django_refresh_carried"), statements);
    }

    @Test
    void withNoCutOverTheyStay() {
        assertEquals(0, refresh(Optional.empty()).purge(CUTOVER.plus(Duration.ofDays(400))));
        assertEquals(List.of(), statements);
    }
}
