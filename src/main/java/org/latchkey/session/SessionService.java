package org.latchkey.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.latchkey.audit.Audit;
import org.latchkey.consumer.TokenRejectedException;
import org.latchkey.consumer.TokenVerifier;
import org.latchkey.token.IssuedToken;
import org.latchkey.token.TokenClaims;
import org.latchkey.token.TokenIssuer;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * Starts, refreshes and ends sessions; each method is one transaction. A password login starts a family; each
 * refresh retires the presented token and issues its one successor. The conditional UPDATE that retires it is the
 * race guard: of concurrent refreshes with one token exactly one rotates it, and the others — inside the grace
 * window — get the same successor, re-minted. A retired token presented after the window is a stolen copy being
 * replayed (or the thief's original): the whole family is revoked. Rotations and revocations of one person take
 * that person's row lock first, so a revocation never misses a successor committed a moment later.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    org.latchkey.throttle.Clients clients;

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenVerifier verifier;

    @Inject
    DjangoRefresh djangoRefresh;

    @Inject
    UserService users;

    @Inject
    SessionSettings settings;

    @Inject
    Audit audit;

    /** After a password login: a new family and a pair of tokens for the user the identity store just checked. */
    @Transactional
    public SignIn start(long userId) {
        User user = users.findById(userId).filter(User::isActive)
                .orElseThrow(() -> new IllegalStateException("user " + userId + " vanished during login"));
        users.recordLogin(userId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        IssuedToken refresh = issuer.refresh(userId, now, now.plus(settings.absoluteLifetime()));
        em.persist(new RefreshToken(hash(refresh.jti()), userId, UUID.randomUUID().toString(), utc(now), utc(now),
                utc(refresh.expiresAt()), device(clients.address())));
        return new SignIn(access(user, now), refresh, user.getUuid());
    }

    /** Trades a valid refresh token for a new pair; empty when it may not refresh (and the form is shown). */
    @Transactional
    public Optional<SignIn> refresh(String rawRefresh, String client) {
        Optional<JwtClaims> claims = verified(rawRefresh);
        Long userId = claims.map(SessionService::userId).orElse(null);
        if (userId == null) {
            audit.event("refresh", null, client, "not-valid"); // a bad signature, past its expiry, or not ours
            return Optional.empty();
        }
        String jti = jti(claims.get());
        // one person's rotations and revocations happen one after the other, on every instance: a sign-out
        // everywhere either sees this rotation's successor or this rotation sees its revocation. The signed token
        // names the person, so their row is locked first and the token's row read once, after the lock.
        users.lock(userId);
        RefreshToken token = byHash(hash(jti)).filter(t -> t.getUserId() == userId.longValue()).orElse(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (token == null && settings.djangoCutover().isPresent()) {
            User person = users.findById(userId).orElse(null);
            String refusal = djangoRefresh.refusal(rawRefresh, claims.get(), person, now).orElse(null);
            if (refusal == null) { // a sign-in carried over from the Django auth service: a new family
                SignIn carried = start(userId);
                audit.event("refresh", carried.userUuid(), client, "carried-over-from-django");
                return Optional.of(carried);
            }
            if (!refusal.equals(DjangoRefresh.UNKNOWN)) {
                audit.event("refresh", person == null ? null : person.getUuid(), client, refusal);
                return Optional.empty();
            }
        }
        RefreshToken.Presented presented = token == null ? null
                : token.presented(now, settings.refreshGrace(), settings.absoluteLifetime());
        if (token == null || presented == RefreshToken.Presented.REVOKED || presented == RefreshToken.Presented.EXPIRED) {
            audit.event("refresh", null, client, token == null ? "unknown" : presented == RefreshToken.Presented.REVOKED
                    ? "revoked" : "expired");
            return Optional.empty();
        }
        User user = users.findById(token.getUserId()).filter(User::isActive).orElse(null);
        Instant familyEnd = token.getFamilyStartedAt().toInstant().plus(settings.absoluteLifetime());
        if (user == null || presented == RefreshToken.Presented.SESSION_OVER) {
            revokeFamily(token.getFamilyId(), now);
            audit.event("refresh", user == null ? null : user.getUuid(), client, user == null ? "inactive" : "session-expired");
            return Optional.empty();
        }
        if (presented == RefreshToken.Presented.LIVE) {
            int rotated = em.createNamedQuery(RefreshToken.ROTATE).setParameter("now", utc(now))
                    .setParameter("hash", hash(jti)).executeUpdate();
            if (rotated == 1) {
                IssuedToken successor = issuer.successor(user.getId(), jti, now, familyEnd);
                em.persist(new RefreshToken(hash(successor.jti()), user.getId(), token.getFamilyId(),
                        token.getFamilyStartedAt(), utc(now), utc(successor.expiresAt()), device(client)));
                audit.event("refresh", user.getUuid(), client, "success");
                return Optional.of(new SignIn(access(user, now), successor, user.getUuid()));
            }
            em.refresh(token); // another request rotated it first: read what it committed
            presented = token.presented(now, settings.refreshGrace(), settings.absoluteLifetime());
            if (presented == RefreshToken.Presented.REVOKED) {
                audit.event("refresh", user.getUuid(), client, "revoked");
                return Optional.empty();
            }
        }
        if (presented == RefreshToken.Presented.JUST_ROTATED) {
            IssuedToken successor = issuer.successor(user.getId(), jti, token.getRotatedAt().toInstant(), familyEnd);
            presented = token.throughSuccessor(byHash(hash(successor.jti())).orElse(null));
            if (presented == RefreshToken.Presented.JUST_ROTATED) {
                audit.event("refresh", user.getUuid(), client, "success-same-successor");
                return Optional.of(new SignIn(access(user, now), successor, user.getUuid()));
            }
            if (presented == RefreshToken.Presented.REVOKED) {
                audit.event("refresh", user.getUuid(), client, "revoked");
                return Optional.empty();
            }
        }
        revokeFamily(token.getFamilyId(), now);
        audit.event("refresh-reuse-detected", user.getUuid(), client, "family-revoked");
        return Optional.empty();
    }

    private ClientDevice device(String address) {
        return ClientDevice.of(address, clients.userAgent());
    }

    /** Sign-ins (refresh families) that can still refresh now: each has one live token, its newest. */
    public long activeSignIns() {
        Instant now = Instant.now();
        return em.createNamedQuery(RefreshToken.LIVE_FAMILIES, Long.class).setParameter("now", utc(now))
                .setParameter("startedAfter", utc(now.minus(settings.absoluteLifetime()))).getSingleResult();
    }

    /**
     * Logout: the session's whole family stops refreshing.
     *
     * @return false for a token that is invalid, unknown or already revoked (nothing changed)
     */
    @Transactional
    public boolean end(String rawRefresh) {
        Optional<RefreshToken> token = verified(rawRefresh).flatMap(claims -> byHash(hash(jti(claims))));
        token.ifPresent(t -> {
            users.lock(t.getUserId()); // after a rotation in flight, whose successor the revocation must see
            em.refresh(t);
        });
        token = token.filter(t -> t.getRevokedAt() == null);
        token.ifPresent(t -> revokeFamily(t.getFamilyId(), Instant.now()));
        return token.isPresent();
    }

    /** A refresh token that would refresh now: valid, known, not revoked, not expired, not yet rotated. */
    public boolean isLive(String rawRefresh) {
        Instant now = Instant.now();
        return verified(rawRefresh).flatMap(claims -> byHash(hash(jti(claims))))
                .filter(t -> t.getRevokedAt() == null && t.getRotatedAt() == null)
                .filter(t -> t.getExpiresAt().toInstant().isAfter(now)).isPresent();
    }

    /**
     * The family of a refresh token that proves an auth-host session of this person: valid, theirs, not revoked, not
     * expired, its family within its absolute lifetime, and the newest of its family — or rotated within the grace
     * window (another tab refreshed a moment ago) while its successor has not rotated yet. An older one is reuse,
     * exactly as at a refresh: the family is revoked and {@code refresh-reuse-detected} audited.
     */
    @Transactional // its own read: outside a transaction the server's entity manager may already be closed (a page's render)
    public Optional<String> liveFamily(String rawRefresh, long userId) {
        Optional<JwtClaims> claims = verified(rawRefresh);
        Optional<RefreshToken> found = claims.flatMap(c -> byHash(hash(jti(c)))).filter(t -> t.getUserId() == userId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken token = found.get();
        Instant now = Instant.now();
        RefreshToken.Presented presented = token.presented(now, settings.refreshGrace(), settings.absoluteLifetime());
        if (presented == RefreshToken.Presented.LIVE) {
            return Optional.of(token.getFamilyId());
        }
        if (presented != RefreshToken.Presented.JUST_ROTATED && presented != RefreshToken.Presented.REUSED) {
            return Optional.empty();
        }
        users.lock(userId); // as a refresh does: the verdict and a revocation it leads to see every rotation committed
        em.refresh(token);
        presented = token.presented(now, settings.refreshGrace(), settings.absoluteLifetime());
        if (presented == RefreshToken.Presented.JUST_ROTATED) {
            Instant familyEnd = token.getFamilyStartedAt().toInstant().plus(settings.absoluteLifetime());
            String successor = issuer.successor(userId, jti(claims.get()), token.getRotatedAt().toInstant(), familyEnd).jti();
            presented = token.throughSuccessor(byHash(hash(successor)).orElse(null));
            if (presented == RefreshToken.Presented.JUST_ROTATED) {
                return Optional.of(token.getFamilyId());
            }
        }
        if (presented == RefreshToken.Presented.REUSED) {
            revokeFamily(token.getFamilyId(), now.truncatedTo(ChronoUnit.SECONDS));
            audit.event("refresh-reuse-detected", users.findById(userId).map(User::getUuid).orElse(null),
                    clients.address(), "family-revoked");
        }
        return Optional.empty();
    }

    /** A new access token for this person now, e.g. for the device that just changed the password. */
    @Transactional
    public IssuedToken access(long userId) {
        User user = users.findById(userId).filter(User::isActive)
                .orElseThrow(() -> new IllegalStateException("user " + userId + " is not active"));
        return access(user, Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * After a password change: every sign-in of this user ends except the one the change was made from (the family
     * of {@code keepRawRefresh}, if it is this user's).
     */
    @Transactional
    public int endOtherSessions(long userId, String keepRawRefresh) {
        users.lock(userId); // wait for any rotation in flight: its successor is revoked too
        String keep = verified(keepRawRefresh).flatMap(claims -> byHash(hash(jti(claims))))
                .filter(token -> token.getUserId() == userId).map(RefreshToken::getFamilyId).orElse("");
        users.refuseTokensIssuedBefore(userId, Instant.now()); // and their access tokens, on the auth host at once
        return em.createNamedQuery(RefreshToken.REVOKE_USER).setParameter("now", utc(Instant.now()))
                .setParameter("user", userId).setParameter("keep", keep).executeUpdate();
    }

    /** "Sign out everywhere", deactivation: no refresh token of this user refreshes any more. */
    @Transactional
    public int endAllSessions(long userId) {
        return endOtherSessions(userId, null);
    }

    /**
     * Deletes the rows of refresh tokens that expired or were revoked more than a day ago: such a token is refused
     * by its signature's expiry or, unknown, like any other; the day keeps the rows of a fresh reuse alert around
     * for whoever reads the audit log. With them, the carried-over Django tokens once their window is over.
     */
    @Transactional
    public int purge(Instant now) {
        return em.createNamedQuery(RefreshToken.PURGE).setParameter("before", utc(now.minus(Duration.ofDays(1))))
                .executeUpdate() + djangoRefresh.purge(now);
    }

    private void revokeFamily(String family, Instant now) {
        em.createNamedQuery(RefreshToken.REVOKE_FAMILY).setParameter("now", utc(now)).setParameter("family", family)
                .executeUpdate();
    }

    private Optional<RefreshToken> byHash(String hash) {
        return em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class).setParameter("hash", hash)
                .getResultStream().findFirst();
    }

    /**
     * An access token issued now — or, in the second after a sign-out everywhere, password change or deactivation, at
     * the first second the auth host accepts again: this waits for it (under a second, and only for that person),
     * because an {@code iat} in the future would be refused by verifiers that check it (PyJWT does).
     */
    private IssuedToken access(User user, Instant now) {
        OffsetDateTime validAfter = user.getTokensValidAfter();
        long wait = validAfter == null ? 0 : Duration.between(Instant.now(), validAfter.toInstant()).toMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait + 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now = validAfter.toInstant();
        } else if (validAfter != null && now.isBefore(validAfter.toInstant())) {
            now = validAfter.toInstant();
        }
        return issuer.access(new TokenClaims(user.getId(), user.getUuid(), user.getEmail(), user.getFirstName(),
                user.getLastName(), user.isStaff(), user.isSuperuser(), user.isEmailVerified()), now);
    }

    private Optional<JwtClaims> verified(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(verifier.verify(raw, "refresh"));
        } catch (TokenRejectedException e) {
            LOG.log(Level.FINE, "refresh token refused: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String jti(JwtClaims claims) {
        try {
            return claims.getJwtId();
        } catch (MalformedClaimException e) {
            throw new IllegalStateException("verified token without a jti", e);
        }
    }

    /** The person a verified refresh token names; null (refused, as an unknown token) when it names none. */
    private static Long userId(JwtClaims claims) {
        try {
            return claims.getClaimValue("user_id", Long.class);
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    static String hash(String jti) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jti.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
