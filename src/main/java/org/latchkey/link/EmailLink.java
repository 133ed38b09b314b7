package org.latchkey.link;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The server's side of a link in a mail: the hash of its token, whose it is, what for, until when. */
@Entity
@Table(name = "email_link")
@NamedQuery(name = EmailLink.BY_HASH, query = "SELECT l FROM EmailLink l WHERE l.tokenHash = :hash")
@NamedQuery(name = EmailLink.USE, query = "UPDATE EmailLink l SET l.usedAt = :now WHERE l.tokenHash = :hash"
        + " AND l.usedAt IS NULL AND l.expiresAt > :now")
@NamedQuery(name = EmailLink.RETIRE, query = "UPDATE EmailLink l SET l.usedAt = :now WHERE l.userId = :user"
        + " AND l.purpose = :purpose AND l.usedAt IS NULL")
@NamedQuery(name = EmailLink.RETIRE_ALL, query = "UPDATE EmailLink l SET l.usedAt = :now WHERE l.userId = :user"
        + " AND l.purpose IN :purposes AND l.usedAt IS NULL")
@NamedQuery(name = EmailLink.PURGE, query = "DELETE FROM EmailLink l WHERE l.expiresAt < :before")
public class EmailLink {

    static final String BY_HASH = "EmailLink.byHash";
    static final String USE = "EmailLink.use";
    static final String RETIRE = "EmailLink.retire";
    static final String RETIRE_ALL = "EmailLink.retireAll";
    static final String PURGE = "EmailLink.purge";

    @Id
    @SequenceGenerator(name = "email_link_seq", sequenceName = "email_link_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "email_link_seq")
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false, length = 16)
    private String purpose;

    /** The address it concerns when that is not the account's own (a change of address, its undo). */
    @Column(length = 254)
    private String address;

    /** The browser and client address of the request that asked for it (a registration), as shown to a person. */
    @Column(name = "requested_from", length = 300)
    private String requestedFrom;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "used_at")
    private OffsetDateTime usedAt;

    protected EmailLink() {
    }

    EmailLink(String tokenHash, long userId, String purpose, String address, String requestedFrom,
              OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.requestedFrom = requestedFrom;
        this.userId = userId;
        this.purpose = purpose;
        this.address = address;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    long getUserId() {
        return userId;
    }

    String getPurpose() {
        return purpose;
    }

    String getAddress() {
        return address;
    }

    String getRequestedFrom() {
        return requestedFrom;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    OffsetDateTime getUsedAt() {
        return usedAt;
    }
}
