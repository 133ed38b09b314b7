package org.latchkey.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;

@ApplicationScoped
public class ThrottleConfiguration {

    @Inject
    Config config;

    @Produces
    @Singleton
    ThrottleSettings settings() {
        return read(ConfigValues.of(config));
    }

    public static ThrottleSettings read(ConfigValues values) {
        return new ThrottleSettings(values.integer("latchkey.throttle.account-failures", 5, 1, 1_000_000),
                values.integer("latchkey.throttle.client-failures", 50, 1, 1_000_000),
                values.duration("latchkey.throttle.window", "PT15M"),
                values.duration("latchkey.throttle.first-delay", "PT1S"),
                values.duration("latchkey.throttle.max-delay", "PT15M"),
                TrustedProxies.of(values.list("latchkey.trusted-proxies", ""),
                        values.text("latchkey.forwarded-header", TrustedProxies.X_FORWARDED_FOR)));
    }
}
