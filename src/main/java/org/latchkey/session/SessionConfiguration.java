package org.latchkey.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;

@ApplicationScoped
public class SessionConfiguration {

    @Inject
    Config config;

    @Produces
    @Singleton
    SessionSettings settings() {
        return read(ConfigValues.of(config));
    }

    public static SessionSettings read(ConfigValues values) {
        return new SessionSettings(values.duration("latchkey.session.absolute-lifetime", "P30D"),
                values.duration("latchkey.session.refresh-grace", "PT10S"));
    }
}
