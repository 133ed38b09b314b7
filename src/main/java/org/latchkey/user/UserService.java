package org.latchkey.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Users in the database. Every method is one transaction. */
@ApplicationScoped
public class UserService {

    /** SQLSTATE for a unique-constraint violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<StandingChanged> standingChanged;

    /**
     * Stores a new active user with a random UUID4. The flush inside the transaction makes a duplicate email fail
     * here, as {@link EmailTakenException}, however many registrations race.
     */
    @Transactional(rollbackOn = EmailTakenException.class)
    public User create(NewUser user) throws EmailTakenException {
        User entity = new User(UUID.randomUUID().toString(), user.email().strip(), user.firstName(), user.lastName(),
                user.passwordHash(), OffsetDateTime.now(ZoneOffset.UTC), user.emailVerified());
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new EmailTakenException();
            }
            throw e;
        }
        return entity;
    }

    @Transactional
    public Optional<User> findByEmail(String email) {
        return em.createNamedQuery(User.BY_EMAIL_KEY, User.class).setParameter("key", Emails.key(email))
                .getResultStream().findFirst();
    }

    @Transactional
    public Optional<User> findByUuid(String uuid) {
        return em.createNamedQuery(User.BY_UUID, User.class).setParameter("uuid", uuid).getResultStream().findFirst();
    }

    /**
     * Holds this person's row until the caller's transaction ends, so that what two requests decide about one person
     * (a new link retiring the older ones, a rotation against a sign-out everywhere) happens one after the other,
     * on every instance: the database's row lock, not a lock in this JVM.
     *
     * @return false when there is no such person
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean lock(long id) {
        return em.find(User.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE) != null;
    }

    @Transactional
    public Optional<User> findById(long id) {
        return Optional.ofNullable(em.find(User.class, id));
    }

    @Transactional
    public boolean emailTaken(String email) {
        return findByEmail(email).isPresent();
    }

    @Transactional
    public void recordLogin(long id) {
        User user = em.find(User.class, id);
        if (user != null) {
            user.setLastLogin(OffsetDateTime.now(ZoneOffset.UTC));
        }
    }

    /** Stores the hash of a new password, or a new hash of the same password (a raised bcrypt cost). */
    @Transactional
    public void replacePasswordHash(long id, String passwordHash) {
        User user = em.find(User.class, id);
        if (user != null) {
            user.setPasswordHash(passwordHash);
        }
    }

    /** Deactivated people cannot log in, refresh, or use their access tokens at Latchkey (those issued before
     * stay refused after a reactivation too). */
    @Transactional
    public boolean setActive(long id, boolean active) {
        User user = em.find(User.class, id);
        if (user != null && !active && isLastActiveSuperuser(user)) {
            return false; // two superusers deactivating each other at once: the second one is refused
        }
        if (user != null) {
            user.setActive(active);
            if (!active) {
                user.refuseTokensIssuedBefore(nextSecond(Instant.now()));
            }
            standingChanged(user);
        }
        return user != null;
    }

    /** The person's row as the auth host trusts it, read in one query; empty for unknown UUIDs (deleted people). */
    @Transactional
    public Optional<Standing> standing(String uuid) {
        return em.createNamedQuery(User.STANDING_BY_UUID, Standing.class).setParameter("uuid", uuid).getResultStream()
                .findFirst();
    }

    /**
     * From now on the auth host refuses this person's access tokens issued up to and including this second (sign out
     * everywhere, a new password, deactivation): {@code iat} counts whole seconds, so the next second is the first
     * that proves a token came after. Tokens issued for them from now on carry that second at the earliest.
     */
    @Transactional
    public void refuseTokensIssuedBefore(long id, Instant instant) {
        User user = em.find(User.class, id);
        if (user != null) {
            user.refuseTokensIssuedBefore(nextSecond(instant));
            standingChanged(user);
        }
    }

    /**
     * Tells this instance's cache once the transaction ends, and the others through a line they read each second —
     * stamped with the database's clock, which every instance shares: a JVM whose clock runs behind would stamp its
     * lines older than what the others have already read past, and its changes would never reach them.
     */
    private void standingChanged(User user) {
        em.createNativeQuery("INSERT INTO standing_change (id, user_uuid, changed_at) VALUES (?1, ?2, CURRENT_TIMESTAMP)")
                .setParameter(1, java.util.UUID.randomUUID().toString()).setParameter(2, user.getUuid()).executeUpdate();
        standingChanged.fire(new StandingChanged(user.getUuid()));
    }

    /** The database's clock now: where every instance starts reading the changes of standing from. */
    @Transactional
    public OffsetDateTime databaseNow() {
        Object now = em.createNativeQuery("SELECT CURRENT_TIMESTAMP").getSingleResult();
        if (now instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC);
        } else if (now instanceof java.sql.Timestamp time) {
            return time.toInstant().atOffset(ZoneOffset.UTC);
        } else if (now instanceof java.time.ZonedDateTime time) {
            return time.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        } else if (now instanceof Instant time) {
            return time.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("the database's clock reads as " + (now == null ? "null" : now.getClass().getName()));
    }

    /** What changed since {@code since}, on any instance. */
    @Transactional
    public java.util.List<StandingChange> standingChangesSince(OffsetDateTime since) {
        return em.createNamedQuery(StandingChange.SINCE, StandingChange.class).setParameter("since", since).getResultList();
    }

    @Transactional
    public int purgeStandingChanges(OffsetDateTime before) {
        return em.createNamedQuery(StandingChange.PURGE).setParameter("before", before).executeUpdate();
    }

    private static OffsetDateTime nextSecond(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).atOffset(ZoneOffset.UTC);
    }

    /**
     * One page of the people a superuser searches for (the caller is checked by the admin service). Plain SQL that H2
     * and PostgreSQL read alike: through JPQL, EclipseLink writes this query's booleans as 0 and 1 on H2, which H2 2
     * refuses to compare with a BOOLEAN column.
     */
    @Transactional
    public UserSearch.Page search(UserSearch search) {
        String where = " FROM latchkey_user WHERE (POSITION(?1 IN email_key) > 0 OR POSITION(?2 IN LOWER(first_name)) > 0"
                + " OR POSITION(?3 IN LOWER(last_name)) > 0)" // the text as it is: no LIKE, so % and _ are plain characters
                + switch (search.kind()) { // one of UserSearch.KINDS, never the request's text
                    case "active" -> " AND is_active";
                    case "deactivated" -> " AND NOT is_active";
                    case "staff" -> " AND is_staff";
                    case "superuser" -> " AND is_superuser";
                    case "unverified" -> " AND NOT email_verified";
                    default -> "";
                };
        jakarta.persistence.Query people = em.createNativeQuery("SELECT *" + where + " ORDER BY email_key LIMIT ?4 OFFSET ?5",
                User.class);
        jakarta.persistence.Query count = em.createNativeQuery("SELECT COUNT(*)" + where);
        for (int i = 1; i <= 3; i++) {
            people.setParameter(i, search.text());
            count.setParameter(i, search.text());
        }
        people.setParameter(4, UserSearch.PAGE_SIZE).setParameter(5, (search.page() - 1) * UserSearch.PAGE_SIZE);
        @SuppressWarnings("unchecked")
        List<User> page = people.getResultList();
        return new UserSearch.Page(page, ((Number) count.getSingleResult()).longValue(), search);
    }


    /**
     * A new registration of an address whose account was never confirmed and never signed in: the account takes the
     * new registration's password and names, so whoever owns the mailbox and confirms ends up with her own password
     * — a first registrant who was not her never signs in. (The caller retires the older links.)
     *
     * @return false when the account is confirmed or has been used by now (it is left as it is)
     */
    @Transactional
    public boolean reRegister(long id, NewUser registration) {
        if (!lock(id)) {
            return false;
        }
        User user = em.find(User.class, id);
        em.refresh(user);
        if (user.isEmailVerified() || user.getLastLogin() != null) {
            return false;
        }
        user.setPasswordHash(registration.passwordHash());
        user.changeName(registration.firstName(), registration.lastName());
        return true;
    }

    /** The person followed a link sent to their address. */
    @Transactional
    public void markEmailVerified(long id) {
        User user = em.find(User.class, id);
        if (user != null) {
            user.markEmailVerified();
        }
    }

    /** New first and last names (checked by {@link Names}); tokens carry them from the next one issued. */
    @Transactional
    public void changeName(long id, String firstName, String lastName) {
        User user = em.find(User.class, id);
        if (user != null) {
            user.changeName(firstName, lastName);
        }
    }

    /**
     * A new, already verified address.
     *
     * @throws EmailTakenException when another account has it by now
     */
    @Transactional(rollbackOn = EmailTakenException.class)
    public void changeEmail(long id, String email) throws EmailTakenException {
        User user = em.find(User.class, id);
        if (user == null) {
            return;
        }
        try {
            user.changeEmail(email.strip());
            user.markEmailVerified();
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new EmailTakenException();
            }
            throw e;
        }
    }

    /** What a change of roles came to. */
    public enum RoleChange { DONE, NO_SUCH_PERSON, LAST_SUPERUSER }

    /**
     * Sets the person's staff and superuser flags; Latchkey applies them at once (its standings), new tokens carry
     * them from the next refresh. The active superusers' rows are locked first, so two superusers removing each
     * other's flag at once cannot leave nobody: the second sees the first's change.
     */
    @Transactional
    public RoleChange setRoles(String uuid, boolean staff, boolean superuser) {
        Optional<User> found = em.createNamedQuery(User.BY_UUID, User.class).setParameter("uuid", uuid)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return RoleChange.NO_SUCH_PERSON;
        }
        User user = found.get();
        if (!superuser && isLastActiveSuperuser(user)) {
            return RoleChange.LAST_SUPERUSER;
        }
        user.setRoles(staff, superuser);
        standingChanged(user);
        return RoleChange.DONE;
    }

    /**
     * Whether {@code user} is the only active superuser — asked with every active superuser's row locked (in id order,
     * so two such changes cannot deadlock) and counted again after the locks: two superusers removing each other at
     * once are taken one after the other, and the second sees the first's change.
     */
    private boolean isLastActiveSuperuser(User user) {
        if (!user.isSuperuser() || !user.isActive()) {
            return false;
        }
        for (Long id : em.createNamedQuery(User.ACTIVE_SUPERUSER_IDS, Long.class).getResultList()) {
            em.find(User.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        }
        em.refresh(user);
        return em.createNamedQuery(User.OTHER_ACTIVE_SUPERUSERS, Long.class).setParameter("id", user.getId())
                .getSingleResult() == 0 && user.isSuperuser() && user.isActive();
    }

    /** For the first-superuser bootstrap: promotes an existing account. */
    @Transactional
    public void promoteToSuperuser(long id) {
        User user = em.find(User.class, id);
        if (user != null) {
            user.makeSuperuser();
            standingChanged(user);
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
