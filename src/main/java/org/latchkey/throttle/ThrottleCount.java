package org.latchkey.throttle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The failures counted under one hashed key (an account, an address, a device) and when they are forgotten. */
@Entity
@Table(name = "throttle_count")
@NamedQuery(name = ThrottleCount.PURGE, query = "DELETE FROM ThrottleCount c WHERE c.forgetAt < :now")
@NamedQuery(name = ThrottleCount.COUNT, query = "SELECT COUNT(c) FROM ThrottleCount c")
public class ThrottleCount {

    static final String PURGE = "ThrottleCount.purge";
    static final String COUNT = "ThrottleCount.count";

    @Id
    @Column(name = "key_hash", length = 64)
    private String keyHash;

    @Column(nullable = false)
    private int failures;

    @Column(name = "last_failure", nullable = false)
    private OffsetDateTime lastFailure;

    @Column(name = "forget_at", nullable = false)
    private OffsetDateTime forgetAt;

    protected ThrottleCount() {
    }

    ThrottleCount(String keyHash, int failures, OffsetDateTime lastFailure, OffsetDateTime forgetAt) {
        this.keyHash = keyHash;
        this.failures = failures;
        this.lastFailure = lastFailure;
        this.forgetAt = forgetAt;
    }

    int getFailures() {
        return failures;
    }

    OffsetDateTime getLastFailure() {
        return lastFailure;
    }

    OffsetDateTime getForgetAt() {
        return forgetAt;
    }

    void set(int failures, OffsetDateTime lastFailure, OffsetDateTime forgetAt) {
        this.failures = failures;
        this.lastFailure = lastFailure;
        this.forgetAt = forgetAt;
    }
}
