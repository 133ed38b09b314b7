package org.latchkey.token;

/** What an access token says about its person: the article's claims. */
public record TokenClaims(long userId, String uuid, String email, String firstName, String lastName,
                          boolean staff, boolean superuser) {
}
