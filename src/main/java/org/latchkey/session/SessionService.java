package org.latchkey.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.latchkey.consumer.TokenRejectedException;
import org.latchkey.consumer.TokenVerifier;
import org.latchkey.token.IssuedToken;
import org.latchkey.token.TokenClaims;
import org.latchkey.token.TokenIssuer;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/** Starts, refreshes and ends sessions; each method is one transaction. */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class.getName());

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenVerifier verifier;

    @Inject
    UserService users;

    /** After a password login: a new pair of tokens for the user the identity store just checked. */
    @Transactional
    public SignIn start(long userId) {
        User user = users.findById(userId).filter(User::isActive)
                .orElseThrow(() -> new IllegalStateException("user " + userId + " vanished during login"));
        users.recordLogin(userId);
        return issue(user, Instant.now());
    }

    /**
     * Trades a valid refresh token for a new pair and retires it. The conditional UPDATE is the guard: of two
     * requests with one token, the database lets exactly one retire it, so it never refreshes twice.
     */
    @Transactional
    public Optional<SignIn> refresh(String rawRefresh) {
        Optional<JwtClaims> claims = verified(rawRefresh);
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        int retired = em.createNamedQuery(RefreshToken.RETIRE).setParameter("now", utc(now))
                .setParameter("hash", hash(jti(claims.get()))).executeUpdate();
        if (retired != 1) {
            return Optional.empty();
        }
        RefreshToken record = em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
                .setParameter("hash", hash(jti(claims.get()))).getSingleResult();
        return users.findById(record.getUserId()).filter(User::isActive).map(user -> issue(user, now));
    }

    /** Logout: the refresh token no longer refreshes anything. Unknown or invalid tokens are ignored. */
    @Transactional
    public void end(String rawRefresh) {
        verified(rawRefresh).ifPresent(claims -> em.createNamedQuery(RefreshToken.RETIRE)
                .setParameter("now", utc(Instant.now())).setParameter("hash", hash(jti(claims))).executeUpdate());
    }

    private SignIn issue(User user, Instant now) {
        TokenClaims person = new TokenClaims(user.getId(), user.getUuid(), user.getEmail(), user.getFirstName(),
                user.getLastName(), user.isStaff(), user.isSuperuser());
        IssuedToken access = issuer.access(person, now);
        IssuedToken refresh = issuer.refresh(user.getId(), now);
        em.persist(new RefreshToken(hash(refresh.jti()), user.getId(), utc(now), utc(refresh.expiresAt())));
        return new SignIn(access, refresh, user.getUuid());
    }

    private Optional<JwtClaims> verified(String raw) {
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
