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
@NamedQuery(name = RefreshToken.RETIRE, query = "UPDATE RefreshToken t SET t.revokedAt = :now"
        + " WHERE t.jtiHash = :hash AND t.revokedAt IS NULL AND t.expiresAt > :now")
@NamedQuery(name = RefreshToken.BY_HASH, query = "SELECT t FROM RefreshToken t WHERE t.jtiHash = :hash")
public class RefreshToken {

    static final String RETIRE = "RefreshToken.retire";
    static final String BY_HASH = "RefreshToken.byHash";

    @Id
    @SequenceGenerator(name = "refresh_token_seq", sequenceName = "refresh_token_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "refresh_token_seq")
    private Long id;

    @Column(name = "jti_hash", nullable = false, unique = true, length = 64)
    private String jtiHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(name = "issued_at", nullable = false)
    private OffsetDateTime issuedAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected RefreshToken() {
    }

    RefreshToken(String jtiHash, long userId, OffsetDateTime issuedAt, OffsetDateTime expiresAt) {
        this.jtiHash = jtiHash;
        this.userId = userId;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    long getUserId() {
        return userId;
    }
}
