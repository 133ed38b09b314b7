package org.latchkey.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class ThrottleConfiguration {

    @Inject
    @ConfigProperty(name = "latchkey.throttle.account-failures", defaultValue = "5")
    int accountFailures;

    @Inject
    @ConfigProperty(name = "latchkey.throttle.client-failures", defaultValue = "50")
    int clientFailures;

    @Inject
    @ConfigProperty(name = "latchkey.throttle.window", defaultValue = "PT15M")
    Duration window;

    @Inject
    @ConfigProperty(name = "latchkey.throttle.first-delay", defaultValue = "PT1S")
    Duration firstDelay;

    @Inject
    @ConfigProperty(name = "latchkey.throttle.max-delay", defaultValue = "PT15M")
    Duration maxDelay;

    @Inject
    @ConfigProperty(name = "latchkey.trusted-proxies")
    Optional<String> trustedProxies;

    @Produces
    @Singleton
    ThrottleSettings settings() {
        return new ThrottleSettings(accountFailures, clientFailures, window, firstDelay, maxDelay,
                Arrays.stream(trustedProxies.orElse("").split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()));
    }
}
