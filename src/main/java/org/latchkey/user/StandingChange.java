package org.latchkey.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of one person's {@link Standing}, for the other instances' caches to notice. */
@Entity
@Table(name = "standing_change")
@NamedQuery(name = StandingChange.SINCE, query = "SELECT c FROM StandingChange c WHERE c.changedAt > :since")
@NamedQuery(name = StandingChange.PURGE, query = "DELETE FROM StandingChange c WHERE c.changedAt < :before")
public class StandingChange {

    static final String SINCE = "StandingChange.since";
    static final String PURGE = "StandingChange.purge";

    @Id
    private String id;

    @Column(name = "user_uuid", nullable = false)
    private String userUuid;

    @Column(name = "changed_at", nullable = false)
    private OffsetDateTime changedAt;

    protected StandingChange() {
    }

    StandingChange(String userUuid, OffsetDateTime changedAt) {
        this.id = UUID.randomUUID().toString();
        this.userUuid = userUuid;
        this.changedAt = changedAt;
    }

    public String getUserUuid() {
        return userUuid;
    }

    public OffsetDateTime getChangedAt() {
        return changedAt;
    }
}
