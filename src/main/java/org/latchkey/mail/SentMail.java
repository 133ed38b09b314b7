package org.latchkey.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** That a mail of a kind went to an address, and when: what the hourly limit counts (no content is kept). */
@Entity
@Table(name = "mail_sent")
@NamedQuery(name = SentMail.COUNT, query = "SELECT COUNT(m) FROM SentMail m WHERE m.addressKey = :address"
        + " AND m.kind = :kind AND m.sentAt > :since")
@NamedQuery(name = SentMail.PURGE, query = "DELETE FROM SentMail m WHERE m.sentAt < :before")
public class SentMail {

    static final String COUNT = "SentMail.count";
    static final String PURGE = "SentMail.purge";

    @Id
    @SequenceGenerator(name = "mail_sent_seq", sequenceName = "mail_sent_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_sent_seq")
    private Long id;

    @Column(name = "address_key", nullable = false, length = 254)
    private String addressKey;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(name = "sent_at", nullable = false)
    private OffsetDateTime sentAt;

    protected SentMail() {
    }

    SentMail(String addressKey, String kind, OffsetDateTime sentAt) {
        this.addressKey = addressKey;
        this.kind = kind;
        this.sentAt = sentAt;
    }
}
