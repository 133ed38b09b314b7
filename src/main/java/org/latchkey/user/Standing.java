package org.latchkey.user;

import java.time.OffsetDateTime;

/**
 * What the auth host believes about a person on every request, from its own row and never from a token's claims
 * (any service holding the HMAC key could write those): whether they may sign in, their roles, and since when their
 * access tokens count.
 *
 * @param tokensValidAfter access tokens issued before this second are refused here; null when never set (see
 *                         {@link UserService#refuseTokensIssuedBefore})
 */
public record Standing(long id, boolean active, boolean staff, boolean superuser, OffsetDateTime tokensValidAfter) {

    /** Whether an access token issued at {@code issuedAt} (epoch seconds) still speaks for this person here. */
    public boolean admits(long issuedAtSeconds) {
        return active && (tokensValidAfter == null || issuedAtSeconds >= tokensValidAfter.toEpochSecond());
    }
}
