package org.latchkey.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;

@ApplicationScoped
public class RegistrationConfiguration {

    @Inject
    Config config;

    @Produces
    @Singleton
    RegistrationSettings settings() {
        return read(ConfigValues.of(config));
    }

    public static RegistrationSettings read(ConfigValues values) {
        String mode = values.text("latchkey.registration.email-verification", "required");
        if (!mode.equals("required") && !mode.equals("off")) {
            throw ConfigValues.refused("latchkey.registration.email-verification", mode, "required or off");
        }
        Duration lifetime = values.duration("latchkey.registration.verification-lifetime", "PT24H");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0 || lifetime.compareTo(Duration.ofDays(30)) > 0) {
            throw ConfigValues.refused("latchkey.registration.verification-lifetime", lifetime.toString(),
                    "a duration from PT1S to P30D (default PT24H)");
        }
        return new RegistrationSettings(mode.equals("required"), lifetime);
    }
}
