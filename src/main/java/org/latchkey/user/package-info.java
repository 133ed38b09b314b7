/**
 * The people Latchkey knows: the {@link org.latchkey.user.User} entity and {@link org.latchkey.user.UserService},
 * which owns the transactions. Email is unique case-insensitively through a lower-cased key column with a unique
 * constraint, so the database — not a check in Java — decides between two concurrent registrations.
 */
package org.latchkey.user;
