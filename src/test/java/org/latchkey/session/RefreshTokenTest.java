package org.latchkey.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.latchkey.session.RefreshToken.Presented;

/** What presenting a refresh token means, decided on the row alone: the newest proves the session, older is reuse. */
class RefreshTokenTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final Duration GRACE = Duration.ofSeconds(10);
    static final Duration LIFETIME = Duration.ofDays(30);

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static RefreshToken token(Instant issued, Instant rotated, Instant revoked) throws Exception {
        RefreshToken token = new RefreshToken("h", 1, "family", at(T0), at(issued), at(issued.plus(Duration.ofDays(5))));
        set(token, "rotatedAt", rotated);
        set(token, "revokedAt", revoked);
        return token;
    }

    private static void set(RefreshToken token, String field, Instant value) throws Exception {
        java.lang.reflect.Field f = RefreshToken.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(token, value == null ? null : at(value));
    }

    @Test
    void theNewestTokenIsLiveAndARotatedOneCountsOnlyWithinTheGraceWindow() throws Exception {
        assertEquals(Presented.LIVE, token(T0, null, null).presented(T0.plusSeconds(60), GRACE, LIFETIME));
        RefreshToken rotated = token(T0, T0.plusSeconds(60), null);
        assertEquals(Presented.JUST_ROTATED, rotated.presented(T0.plusSeconds(60), GRACE, LIFETIME));
        assertEquals(Presented.JUST_ROTATED, rotated.presented(T0.plusSeconds(70), GRACE, LIFETIME), "the window's last second");
        assertEquals(Presented.REUSED, rotated.presented(T0.plusSeconds(71), GRACE, LIFETIME));
        assertEquals(Presented.REUSED, rotated.presented(T0.plus(Duration.ofDays(2)), GRACE, LIFETIME));
        assertEquals(Presented.REUSED, rotated.presented(T0.plusSeconds(61), Duration.ZERO, LIFETIME), "no window at all");
    }

    @Test
    void revokedExpiredAndOverAreSaidBeforeAnythingElse() throws Exception {
        assertEquals(Presented.REVOKED, token(T0, T0.plusSeconds(1), T0.plusSeconds(2)).presented(T0.plusSeconds(3), GRACE, LIFETIME));
        assertEquals(Presented.REVOKED, token(T0, null, T0.plusSeconds(2)).presented(T0.plusSeconds(3), GRACE, LIFETIME));
        assertEquals(Presented.EXPIRED, token(T0, null, null).presented(T0.plus(Duration.ofDays(5)), GRACE, LIFETIME));
        RefreshToken late = token(T0.plus(Duration.ofDays(29)), null, null);
        assertEquals(Presented.LIVE, late.presented(T0.plus(Duration.ofDays(29)), GRACE, LIFETIME));
        assertEquals(Presented.SESSION_OVER, late.presented(T0.plus(LIFETIME), GRACE, LIFETIME));
    }

    @Test
    void aRetiredTokenWhoseSuccessorRotatedIsAnOldCopy() throws Exception {
        RefreshToken parent = token(T0, T0.plusSeconds(60), null);
        assertEquals(Presented.JUST_ROTATED, parent.throughSuccessor(token(T0.plusSeconds(60), null, null)));
        assertEquals(Presented.REUSED, parent.throughSuccessor(token(T0.plusSeconds(60), T0.plusSeconds(62), null)));
        assertEquals(Presented.REVOKED, parent.throughSuccessor(token(T0.plusSeconds(60), null, T0.plusSeconds(62))));
        assertEquals(Presented.REUSED, parent.throughSuccessor(null), "no successor row: not a rotation Latchkey made");
    }
}
