package org.latchkey.consumer;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The person an access token speaks for, read from the claims the article put in it. {@code userId} is kept as
 * text because simplejwt writes whatever the user model's primary key is (an integer for Django's default user).
 * {@code staff} and {@code superuser} are what the token says; on the auth host they are replaced by its own records
 * ({@link #withRoles}).
 *
 * @param issuedAt      the token's {@code iat} in epoch seconds, 0 when it has none
 * @param emailVerified the token's {@code user_email_verified}: Latchkey proved the person reads that address
 *                      (false when the claim is missing, as in tokens from the article's Django service)
 */
public record LatchkeyUser(String userId, String uuid, String email, String firstName, String lastName,
                           boolean staff, boolean superuser, long issuedAt, boolean emailVerified) {

    /** A person read from a token without {@code user_email_verified}. */
    public LatchkeyUser(String userId, String uuid, String email, String firstName, String lastName, boolean staff,
                        boolean superuser, long issuedAt) {
        this(userId, uuid, email, firstName, lastName, staff, superuser, issuedAt, false);
    }

    /** A person not read from a token. */
    public LatchkeyUser(String userId, String uuid, String email, String firstName, String lastName, boolean staff,
                        boolean superuser) {
        this(userId, uuid, email, firstName, lastName, staff, superuser, 0, false);
    }

    /** The same person with the roles someone who knows better says they have. */
    public LatchkeyUser withRoles(boolean staff, boolean superuser) {
        return new LatchkeyUser(userId, uuid, email, firstName, lastName, staff, superuser, issuedAt, emailVerified);
    }

    public static final String GROUP_USER = "user";
    public static final String GROUP_STAFF = "staff";
    public static final String GROUP_SUPERUSER = "superuser";

    /** The groups the container treats as roles: everyone is a user; staff and superuser as the flags say. */
    public Set<String> groups() {
        return groups(staff, superuser);
    }

    /** The groups of anyone with these flags. */
    public static Set<String> groups(boolean staff, boolean superuser) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(GROUP_USER);
        if (staff) {
            groups.add(GROUP_STAFF);
        }
        if (superuser) {
            groups.add(GROUP_SUPERUSER);
        }
        return groups;
    }

    public String displayName() {
        String name = (firstName + " " + lastName).trim();
        return name.isEmpty() ? email : name;
    }
}
