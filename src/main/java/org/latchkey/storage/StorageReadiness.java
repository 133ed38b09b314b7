package org.latchkey.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: ready only while the database answers a trivial query within two seconds. Liveness is
 * left alone on purpose — restarting Latchkey does not bring a database back.
 */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    static final int TIMEOUT_MILLIS = 2000;

    @PersistenceContext(unitName = "latchkey")
    EntityManager entityManager;

    @Override
    public HealthCheckResponse call() {
        try {
            entityManager.createNativeQuery("SELECT 1")
                    .setHint("jakarta.persistence.query.timeout", TIMEOUT_MILLIS)
                    .getSingleResult();
            return HealthCheckResponse.named("database").up().build();
        } catch (RuntimeException e) {
            if (!StorageUnavailable.isCause(e)) {
                throw e;
            }
            return HealthCheckResponse.named("database").down().withData("reason", "cannot reach the database").build();
        }
    }
}
