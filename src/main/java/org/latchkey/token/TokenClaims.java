package org.latchkey.token;

/** What an access token says about its person: the article's claims, and whether Latchkey verified the address. */
public record TokenClaims(long userId, String uuid, String email, String firstName, String lastName,
                          boolean staff, boolean superuser, boolean emailVerified) {

    /** Someone whose address is not verified. */
    public TokenClaims(long userId, String uuid, String email, String firstName, String lastName, boolean staff,
                       boolean superuser) {
        this(userId, uuid, email, firstName, lastName, staff, superuser, false);
    }
}
