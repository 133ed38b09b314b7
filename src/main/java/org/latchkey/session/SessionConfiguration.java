package org.latchkey.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class SessionConfiguration {

    @Inject
    @ConfigProperty(name = "latchkey.session.absolute-lifetime", defaultValue = "P30D")
    Duration absoluteLifetime;

    @Inject
    @ConfigProperty(name = "latchkey.session.refresh-grace", defaultValue = "PT10S")
    Duration refreshGrace;

    @Produces
    @Singleton
    SessionSettings settings() {
        return new SessionSettings(absoluteLifetime, refreshGrace);
    }
}
