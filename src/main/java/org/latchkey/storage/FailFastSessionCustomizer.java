package org.latchkey.storage;

import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink only (named by persistence.xml's {@code eclipselink.session.customizer}; other providers ignore the
 * property and never load this class). EclipseLink retries a failed read three times, five seconds apart, which
 * holds each request for about fifteen seconds while the database is away. The pool already validates every
 * connection it hands out, so a retry gains nothing: fail at once and let {@link StorageUnavailable} answer 503.
 */
public class FailFastSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
    }
}
