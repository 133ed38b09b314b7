package org.latchkey.user;

/** The CDI event a change of standing fires inside its transaction; {@link Standings} acts on it once it commits. */
public record StandingChanged(String uuid) {
}
