package org.latchkey.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.latchkey.user.UserService;

/**
 * A person's live sign-ins — "where you're signed in" — and ending one of them. Callers check who asks
 * ({@code AccountService} for a person's own, {@code AdminService} for a superuser's look at anyone's).
 */
@ApplicationScoped
public class SignInsService {

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    SessionSettings settings;

    @Inject
    UserService users;

    /** Newest use first; {@code currentFamily} (the asking sign-in's, or null) is marked. */
    @Transactional
    public List<SignInEntry> of(long userId, String currentFamily) {
        Instant now = Instant.now();
        List<RefreshToken> live = em.createNamedQuery(RefreshToken.LIVE_OF_USER, RefreshToken.class)
                .setParameter("user", userId).setParameter("now", utc(now))
                .setParameter("startedAfter", utc(now.minus(settings.absoluteLifetime()))).getResultList();
        List<SignInEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>(); // two rows of one family only for the instant of a rotation
        for (RefreshToken token : live) {
            if (seen.add(token.getFamilyId())) {
                String[] device = Devices.describe(token.getUserAgent());
                entries.add(new SignInEntry(token.getFamilyId(), device[0], device[1],
                        token.getClientAddress() == null ? Devices.UNKNOWN : token.getClientAddress(),
                        token.getFamilyStartedAt().toInstant(), token.getIssuedAt().toInstant(),
                        token.getFamilyId().equals(currentFamily)));
            }
        }
        return entries;
    }

    /**
     * That sign-in stops refreshing (its access tokens run out within their lifetime).
     *
     * @return false when this person has no such live sign-in
     */
    @Transactional
    public boolean end(long userId, String familyId) {
        users.lock(userId); // after a rotation in flight: its successor is revoked too
        return em.createNamedQuery(RefreshToken.REVOKE_FAMILY_OF_USER).setParameter("now", utc(Instant.now()))
                .setParameter("family", familyId).setParameter("user", userId).executeUpdate() > 0;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
