package org.latchkey.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A person, with the fields of Django's user model that the article uses; the schema is in db/migration. */
@Entity
@Table(name = "latchkey_user")
@NamedQuery(name = User.BY_EMAIL_KEY, query = "SELECT u FROM User u WHERE u.emailKey = :key")
@NamedQuery(name = User.BY_UUID, query = "SELECT u FROM User u WHERE u.uuid = :uuid")
@NamedQuery(name = User.STANDING_BY_UUID, query = "SELECT NEW org.latchkey.user.Standing(u.id, u.active, u.staff,"
        + " u.superuser, u.tokensValidAfter) FROM User u WHERE u.uuid = :uuid")
@NamedQuery(name = User.ACTIVE_SUPERUSER_IDS, query = "SELECT u.id FROM User u WHERE u.superuser = TRUE AND u.active = TRUE"
        + " ORDER BY u.id")
@NamedQuery(name = User.OTHER_ACTIVE_SUPERUSERS, query = "SELECT COUNT(u) FROM User u WHERE u.superuser = TRUE"
        + " AND u.active = TRUE AND u.id <> :id")
public class User implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final String BY_EMAIL_KEY = "User.byEmailKey";
    static final String BY_UUID = "User.byUuid";
    static final String STANDING_BY_UUID = "User.standingByUuid";
    static final String ACTIVE_SUPERUSER_IDS = "User.activeSuperuserIds";
    static final String OTHER_ACTIVE_SUPERUSERS = "User.otherActiveSuperusers";

    @Id
    @SequenceGenerator(name = "latchkey_user_seq", sequenceName = "latchkey_user_seq", allocationSize = 1) // one value per call: EclipseLink on H2 2.x rejects preallocation
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "latchkey_user_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 36)
    private String uuid;

    @Column(nullable = false, length = 254)
    private String email;

    /** The email lower-cased: the unique key that makes addresses equal regardless of case. */
    @Column(name = "email_key", nullable = false, unique = true, length = 254)
    private String emailKey;

    @Column(name = "first_name", nullable = false, length = 150)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 150)
    private String lastName;

    @Column(nullable = false, length = 128)
    private String password;

    @Column(name = "is_active", nullable = false)
    private boolean active;

    @Column(name = "is_staff", nullable = false)
    private boolean staff;

    @Column(name = "is_superuser", nullable = false)
    private boolean superuser;

    @Column(name = "date_joined", nullable = false)
    private OffsetDateTime dateJoined;

    @Column(name = "last_login")
    private OffsetDateTime lastLogin;

    @Column(name = "tokens_valid_after")
    private OffsetDateTime tokensValidAfter;

    /** Whether the person proved they read this address (followed a link sent to it). */
    @Column(name = "email_verified", nullable = false)
    private boolean emailVerified;

    protected User() {
    }

    User(String uuid, String email, String firstName, String lastName, String passwordHash, OffsetDateTime joined,
         boolean emailVerified) {
        this.emailVerified = emailVerified;
        this.uuid = uuid;
        this.email = email;
        this.emailKey = Emails.key(email);
        this.firstName = firstName;
        this.lastName = lastName;
        this.password = passwordHash;
        this.active = true;
        this.dateJoined = joined;
    }

    public Long getId() {
        return id;
    }

    public String getUuid() {
        return uuid;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getPasswordHash() {
        return password;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isStaff() {
        return staff;
    }

    public boolean isSuperuser() {
        return superuser;
    }

    public OffsetDateTime getDateJoined() {
        return dateJoined;
    }

    public OffsetDateTime getLastLogin() {
        return lastLogin;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    void makeSuperuser() {
        this.staff = true;
        this.superuser = true;
    }

    void setRoles(boolean staff, boolean superuser) {
        this.staff = staff;
        this.superuser = superuser;
    }

    void setPasswordHash(String passwordHash) {
        this.password = passwordHash;
    }

    /** The auth host refuses access tokens issued before this; null when never set. */
    public OffsetDateTime getTokensValidAfter() {
        return tokensValidAfter;
    }

    void refuseTokensIssuedBefore(OffsetDateTime instant) {
        this.tokensValidAfter = instant;
    }

    /** The name a mail greets: the first name, else the address. */
    public String greeting() {
        return firstName.isBlank() ? email : firstName;
    }

    public boolean isEmailVerified() {
        return emailVerified;
    }

    void markEmailVerified() {
        this.emailVerified = true;
    }

    void changeName(String firstName, String lastName) {
        this.firstName = firstName;
        this.lastName = lastName;
    }

    void changeEmail(String email) {
        this.email = email;
        this.emailKey = Emails.key(email);
    }

    void setLastLogin(OffsetDateTime lastLogin) {
        this.lastLogin = lastLogin;
    }
}
