package org.latchkey.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The server's record of one refresh token; see db/migration for the schema. */
@Entity
@Table(name = "refresh_token")
@NamedQuery(name = RefreshToken.BY_HASH, query = "SELECT t FROM RefreshToken t WHERE t.jtiHash = :hash")
@NamedQuery(name = RefreshToken.ROTATE, query = "UPDATE RefreshToken t SET t.rotatedAt = :now"
        + " WHERE t.jtiHash = :hash AND t.rotatedAt IS NULL AND t.revokedAt IS NULL")
@NamedQuery(name = RefreshToken.REVOKE_FAMILY, query = "UPDATE RefreshToken t SET t.revokedAt = :now"
        + " WHERE t.familyId = :family AND t.revokedAt IS NULL")
@NamedQuery(name = RefreshToken.REVOKE_FAMILY_OF_USER, query = "UPDATE RefreshToken t SET t.revokedAt = :now"
        + " WHERE t.familyId = :family AND t.userId = :user AND t.revokedAt IS NULL")
@NamedQuery(name = RefreshToken.REVOKE_USER, query = "UPDATE RefreshToken t SET t.revokedAt = :now"
        + " WHERE t.userId = :user AND t.revokedAt IS NULL AND t.familyId <> :keep")
@NamedQuery(name = RefreshToken.LIVE_FAMILIES, query = "SELECT COUNT(t) FROM RefreshToken t WHERE t.rotatedAt IS NULL"
        + " AND t.revokedAt IS NULL AND t.expiresAt > :now AND t.familyStartedAt > :startedAfter")
@NamedQuery(name = RefreshToken.LIVE_OF_USER, query = "SELECT t FROM RefreshToken t WHERE t.userId = :user"
        + " AND t.rotatedAt IS NULL AND t.revokedAt IS NULL AND t.expiresAt > :now AND t.familyStartedAt > :startedAfter"
        + " ORDER BY t.issuedAt DESC, t.id DESC")
@NamedQuery(name = RefreshToken.PURGE, query = "DELETE FROM RefreshToken t WHERE t.expiresAt < :before"
        + " OR t.revokedAt < :before")
public class RefreshToken {

    static final String BY_HASH = "RefreshToken.byHash";
    static final String ROTATE = "RefreshToken.rotate";
    static final String REVOKE_FAMILY = "RefreshToken.revokeFamily";
    static final String REVOKE_USER = "RefreshToken.revokeUser";
    static final String REVOKE_FAMILY_OF_USER = "RefreshToken.revokeFamilyOfUser";
    static final String PURGE = "RefreshToken.purge";
    static final String LIVE_FAMILIES = "RefreshToken.liveFamilies";
    static final String LIVE_OF_USER = "RefreshToken.liveOfUser";

    @Id
    @SequenceGenerator(name = "refresh_token_seq", sequenceName = "refresh_token_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "refresh_token_seq")
    private Long id;

    @Column(name = "jti_hash", nullable = false, unique = true, length = 64)
    private String jtiHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "family_id", nullable = false, length = 64)
    private String familyId;

    @Column(name = "family_started_at", nullable = false)
    private OffsetDateTime familyStartedAt;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "rotated_at")
    private OffsetDateTime rotatedAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(name = "user_agent", length = 300)
    private String userAgent;

    protected RefreshToken() {
    }

    RefreshToken(String jtiHash, long userId, String familyId, OffsetDateTime familyStartedAt,
                 OffsetDateTime issuedAt, OffsetDateTime expiresAt, ClientDevice device) {
        this(jtiHash, userId, familyId, familyStartedAt, issuedAt, expiresAt);
        this.clientAddress = device.address();
        this.userAgent = device.userAgent();
    }

    RefreshToken(String jtiHash, long userId, String familyId, OffsetDateTime familyStartedAt,
                 OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
        this.jtiHash = jtiHash;
        this.userId = userId;
        this.familyId = familyId;
        this.familyStartedAt = familyStartedAt;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** What presenting this token means at a moment; decided here, on the row alone (SessionService loads and writes). */
    enum Presented {
        /** The newest of its family: it rotates, and proves the session. */
        LIVE,
        /** Rotated within the grace window (another tab, a retry): its one successor stands for it, if that is live. */
        JUST_ROTATED,
        /** Rotated longer ago than the grace window: a stolen copy or the thief's original; the family is revoked. */
        REUSED,
        REVOKED,
        EXPIRED,
        /** Its family is past the absolute lifetime of a sign-in. */
        SESSION_OVER
    }

    Presented presented(java.time.Instant now, java.time.Duration grace, java.time.Duration absoluteLifetime) {
        if (revokedAt != null) {
            return Presented.REVOKED;
        }
        if (!expiresAt.toInstant().isAfter(now)) {
            return Presented.EXPIRED;
        }
        if (!familyStartedAt.toInstant().plus(absoluteLifetime).isAfter(now)) {
            return Presented.SESSION_OVER;
        }
        if (rotatedAt == null) {
            return Presented.LIVE;
        }
        return java.time.Duration.between(rotatedAt.toInstant(), now).compareTo(grace) <= 0
                ? Presented.JUST_ROTATED : Presented.REUSED;
    }

    /**
     * What this token's successor, as presented, means for this token: a successor that has rotated in turn (or is
     * gone) makes a retired token an old copy — reuse, even inside the grace window.
     */
    Presented throughSuccessor(RefreshToken successor) {
        if (successor == null) {
            return Presented.REUSED;
        }
        if (successor.revokedAt != null) {
            return Presented.REVOKED;
        }
        return successor.rotatedAt == null ? Presented.JUST_ROTATED : Presented.REUSED;
    }

    long getUserId() {
        return userId;
    }

    String getFamilyId() {
        return familyId;
    }

    OffsetDateTime getFamilyStartedAt() {
        return familyStartedAt;
    }

    OffsetDateTime getIssuedAt() {
        return issuedAt;
    }

    OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    OffsetDateTime getRotatedAt() {
        return rotatedAt;
    }

    OffsetDateTime getRevokedAt() {
        return revokedAt;
    }

    String getClientAddress() {
        return clientAddress;
    }

    String getUserAgent() {
        return userAgent;
    }
}
