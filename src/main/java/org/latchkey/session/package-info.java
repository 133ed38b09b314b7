/**
 * Sign-in sessions: a password login starts one (an access and a refresh token), a refresh rotates it, a logout
 * ends it. Only a SHA-256 hash of each refresh token's {@code jti} is stored, so a database leak yields no usable
 * token; a refresh token counts only while its row is neither revoked nor expired.
 */
package org.latchkey.session;
