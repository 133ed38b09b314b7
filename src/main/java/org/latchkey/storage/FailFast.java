package org.latchkey.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.InvocationTargetException;
import java.util.logging.Logger;

/**
 * EclipseLink retries a failed read three times, five seconds apart, which holds each request for about fifteen
 * seconds while the database is away. The pool validates every connection it hands out, so a retry gains nothing:
 * at start-up this sets EclipseLink's retry count to 0 and {@link StorageUnavailable} answers 503 at once.
 *
 * <p>By reflection, through the provider's own class loader, on purpose: Payara Server does not let an application
 * link against EclipseLink's classes (a {@code SessionCustomizer} named in persistence.xml fails the deployment with
 * {@code NoClassDefFoundError} there), and on WildFly the provider is Hibernate, which never retries — there this
 * finds no EclipseLink and does nothing.
 */
@ApplicationScoped
public class FailFast {

    private static final Logger LOG = Logger.getLogger(FailFast.class.getName());
    static final String ECLIPSELINK_ENTITY_MANAGER = "org.eclipse.persistence.jpa.JpaEntityManager";

    @PersistenceContext(unitName = "latchkey")
    EntityManager em;

    /** @return whether EclipseLink was found and told not to retry */
    public boolean apply() {
        Object provider = em.getDelegate();
        Class<?> type;
        try {
            type = Class.forName(ECLIPSELINK_ENTITY_MANAGER, false, provider.getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            return false; // not EclipseLink
        }
        if (!type.isInstance(provider)) {
            return false;
        }
        try {
            Object session = type.getMethod("getServerSession").invoke(provider);
            Object login = session.getClass().getMethod("getLogin").invoke(session);
            login.getClass().getMethod("setQueryRetryAttemptCount", int.class).invoke(login, 0);
            LOG.info("EclipseLink read retries off: during a database outage requests get their 503 at once.");
            return true;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException t ? t.getCause() : e;
            LOG.warning("Could not turn off EclipseLink's read retries (" + cause + "): during a database outage"
                    + " requests wait up to 15 s before their 503.");
            return false;
        }
    }
}
