package org.latchkey.reset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;

@ApplicationScoped
public class ResetConfiguration {

    @Inject
    Config config;

    @Produces
    @Singleton
    ResetSettings settings() {
        return read(ConfigValues.of(config));
    }

    public static ResetSettings read(ConfigValues values) {
        Duration lifetime = values.duration("latchkey.reset.lifetime", "PT30M");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofHours(24)) > 0) {
            throw ConfigValues.refused("latchkey.reset.lifetime", lifetime.toString(),
                    "a duration from PT1S to PT24H (default PT30M)");
        }
        return new ResetSettings(lifetime);
    }
}
