package org.latchkey.link;

import java.time.Instant;

/**
 * A link that was valid when it was looked at or used: whose, the address it concerns (null: the account's own), when
 * it was made and where the request that made it came from (null when not recorded).
 */
public record LinkUse(long userId, String address, Instant createdAt, String requestedFrom) {
}
