package org.latchkey.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;
import org.latchkey.user.User;

/**
 * The switch-over from the article's Django auth service ({@code latchkey.session.django-cutover}): a refresh token
 * that service minted — signed with the shared key, unknown to Latchkey — is turned into a Latchkey sign-in once, so
 * people signed in before the switch stay signed in. Every holder of the shared key could mint such a token, so it is
 * bounded by what the Django service itself could have issued, with L its refresh lifetime
 * ({@code latchkey.session.django-refresh-lifetime}): an {@code iat} is required (simplejwt 4, the article's, sets
 * none: those people sign in again), before the cut-over and no more than L before it; {@code exp} no more than L
 * after {@code iat}; only within L after the cut-over; each once (on every instance: a row per token); never for
 * staff or superusers (they sign in again); never a token of Latchkey's own (those name their key: a revoked one
 * stays revoked). Within that window a key holder can still mint one for an ordinary person: keep L short, and
 * prefer key pairs.
 */
@ApplicationScoped
public class DjangoRefresh {

    /** What {@link #refusal} says of a token that is simply unknown (no switch-over applies). */
    static final String UNKNOWN = "unknown";

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    SessionSettings settings;

    /**
     * Empties {@code django_refresh_carried} once the window is over (the cut-over plus the session lifetime): no
     * Django token is taken after it, so no row is needed to refuse a second use. Until then the rows stay, and with
     * no cut-over set they are left alone (setting it again must not let a carried token in twice).
     */
    @Transactional
    public int purge(Instant now) {
        Instant cutover = settings.djangoCutover().orElse(null);
        if (cutover == null || now.isBefore(cutover.plus(settings.djangoRefreshLifetime()))) {
            return 0;
        }
        return em.createNativeQuery("DELETE FROM django_refresh_carried").executeUpdate();
    }

    /**
     * Why this verified refresh token, unknown to Latchkey, may not become a sign-in — or nothing, and then it is used
     * up. Called within the refresh's transaction with the person's row locked, so two uses of one token wait for
     * each other and the second sees the first's row.
     */
    Optional<String> refusal(String raw, JwtClaims claims, User user, Instant now) {
        Instant cutover = settings.djangoCutover().orElse(null);
        if (cutover == null || namesAKey(raw)) {
            return Optional.of(UNKNOWN);
        }
        java.time.Duration lifetime = settings.djangoRefreshLifetime();
        if (!now.isBefore(cutover.plus(lifetime))) {
            return Optional.of("django-carry-over-closed");
        }
        Instant issued;
        Instant expires;
        String jti;
        try {
            issued = claims.getIssuedAt() == null ? null : Instant.ofEpochSecond(claims.getIssuedAt().getValue());
            expires = claims.getExpirationTime() == null ? null : Instant.ofEpochSecond(claims.getExpirationTime().getValue());
            jti = claims.getJwtId();
        } catch (MalformedClaimException e) {
            return Optional.of(UNKNOWN);
        }
        if (jti == null) {
            return Optional.of(UNKNOWN);
        }
        if (issued == null) { // simplejwt 4 (the article's) sets none: nothing bounds what a key holder could mint
            return Optional.of("django-token-without-iat");
        }
        if (!issued.isBefore(cutover)) {
            return Optional.of("django-token-after-cutover");
        }
        if (issued.isBefore(cutover.minus(lifetime))) {
            return Optional.of("django-token-too-old");
        }
        if (expires == null || expires.isAfter(issued.plus(lifetime).plusSeconds(60))) {
            return Optional.of("django-token-lifetime-too-long");
        }
        if (user == null || !user.isActive()) {
            return Optional.of("inactive");
        }
        if (user.isStaff() || user.isSuperuser()) {
            return Optional.of("django-carry-over-not-for-staff");
        }
        String key = SessionService.hash(user.getId() + ":" + jti);
        long used = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM django_refresh_carried WHERE jti_hash = ?1")
                .setParameter(1, key).getSingleResult()).longValue();
        if (used > 0) {
            return Optional.of("django-token-reused");
        }
        em.createNativeQuery("INSERT INTO django_refresh_carried (jti_hash, user_id, carried_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, key).setParameter(2, user.getId()).setParameter(3, now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return Optional.empty();
    }

    /** Latchkey's own tokens carry a {@code kid}; Django's simplejwt sets none for HMAC. */
    private static boolean namesAKey(String raw) {
        try {
            return JsonWebStructure.fromCompactSerialization(raw) instanceof JsonWebSignature jws
                    && jws.getKeyIdHeaderValue() != null;
        } catch (JoseException e) {
            return true;
        }
    }
}
