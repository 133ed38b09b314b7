package org.latchkey.link;

/** A link that was valid when it was used: whose, and the address it concerns (null: the account's own). */
public record LinkUse(long userId, String address) {
}
