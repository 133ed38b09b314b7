package org.latchkey.link;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.latchkey.user.UserService;

/**
 * Makes, checks and uses links. A token is 32 random bytes (256 bits, URL-safe Base64); the table keeps its SHA-256
 * only. {@link #use} is one conditional UPDATE: of any number of concurrent uses of one link exactly one succeeds.
 */
@ApplicationScoped
public class EmailLinks {

    public static final String RESET = "reset";
    public static final String VERIFY = "verify";
    public static final String CHANGE = "change";
    public static final String UNDO = "undo";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @Inject
    UserService users;

    /**
     * A new link for this person and purpose; every older unused one of that purpose stops working. Two links made
     * at once for one person (parallel requests, two instances) are made one after the other under the person's row
     * lock, so exactly one of them stays.
     */
    @Transactional
    public String create(long userId, String purpose, String address, Duration lifetime) {
        return create(userId, purpose, address, null, lifetime);
    }

    /** As {@link #create(long, String, String, Duration)}, remembering where the request that asked for it came from. */
    @Transactional
    public String create(long userId, String purpose, String address, String requestedFrom, Duration lifetime) {
        users.lock(userId);
        OffsetDateTime now = now();
        retire(userId, purpose);
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String from = requestedFrom == null || requestedFrom.length() <= 300 ? requestedFrom : requestedFrom.substring(0, 300);
        em.persist(new EmailLink(hash(token), userId, purpose, address, from, now, now.plus(lifetime)));
        return token;
    }

    /** The link's person if it would work now (for showing its form); using it is {@link #use}. */
    @Transactional
    public Optional<LinkUse> peek(String token, String purpose) {
        OffsetDateTime now = now();
        return find(token, purpose).filter(l -> l.getUsedAt() == null && l.getExpiresAt().isAfter(now))
                .map(EmailLinks::use);
    }

    /** Uses the link up: its person, once; empty for an unknown, used, retired, expired or malformed token. */
    @Transactional
    public Optional<LinkUse> use(String token, String purpose) {
        Optional<EmailLink> link = find(token, purpose);
        if (link.isEmpty()) {
            return Optional.empty();
        }
        int used = em.createNamedQuery(EmailLink.USE).setParameter("now", now()).setParameter("hash", hash(token))
                .executeUpdate();
        return used == 1 ? Optional.of(use(link.get())) : Optional.empty();
    }

    private static LinkUse use(EmailLink link) {
        return new LinkUse(link.getUserId(), link.getAddress(), link.getCreatedAt().toInstant(), link.getRequestedFrom());
    }

    /** No unused link of this purpose works any more (a new password kills every reset link). */
    @Transactional
    public void retire(long userId, String purpose) {
        em.createNamedQuery(EmailLink.RETIRE).setParameter("now", now()).setParameter("user", userId)
                .setParameter("purpose", purpose).executeUpdate();
    }

    /**
     * After a remedy — a new password (changed or reset), sign out everywhere (the person's or a superuser's),
     * deactivation: no pending reset, verification or change-of-address link works any more, so whoever asked for one
     * while they had the account (a thief's change to their own address, a reset link in a mailbox that was read)
     * gets nothing from it after the owner acted. Undo links stay: they went to the address a change took away, and
     * are its owner's way back from exactly such a thief — who, holding the new address, can do every remedy above.
     */
    @Transactional
    public void retirePending(long userId) {
        retire(userId, java.util.List.of(RESET, VERIFY, CHANGE));
    }

    /** No unused link of this person works any more, undo links too (an undo has just taken the account back). */
    @Transactional
    public void retireAll(long userId) {
        retire(userId, java.util.List.of(RESET, VERIFY, CHANGE, UNDO));
    }

    private void retire(long userId, java.util.List<String> purposes) {
        em.createNamedQuery(EmailLink.RETIRE_ALL).setParameter("now", now()).setParameter("user", userId)
                .setParameter("purposes", purposes).executeUpdate();
    }

    /**
     * Removes links expired for a day, and accounts that were registered with verification required, never
     * verified and never signed in, once their verification link is older than {@code unverifiedLifetime}.
     *
     * @return the number of accounts removed
     */
    @Transactional
    public int purge(Duration unverifiedLifetime) {
        OffsetDateTime now = now();
        int accounts = em.createQuery("DELETE FROM User u WHERE u.emailVerified = FALSE AND u.lastLogin IS NULL"
                        + " AND u.dateJoined < :before AND u.id IN (SELECT l.userId FROM EmailLink l"
                        + " WHERE l.purpose = :verify)")
                .setParameter("before", now.minus(unverifiedLifetime)).setParameter("verify", VERIFY).executeUpdate();
        em.createNamedQuery(EmailLink.PURGE).setParameter("before", now.minus(unverifiedLifetime).minusDays(1))
                .executeUpdate();
        return accounts;
    }

    private Optional<EmailLink> find(String token, String purpose) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return em.createNamedQuery(EmailLink.BY_HASH, EmailLink.class).setParameter("hash", hash(token))
                .getResultStream().findFirst().filter(l -> l.getPurpose().equals(purpose));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
