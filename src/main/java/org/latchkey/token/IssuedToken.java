package org.latchkey.token;

import java.time.Duration;
import java.time.Instant;

/** A signed token with the facts the caller needs without parsing it again. */
public record IssuedToken(String value, String jti, Instant expiresAt, Duration lifetime) {
}
