package org.latchkey.cookie;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class CookieConfiguration {

    @Inject
    @ConfigProperty(name = "latchkey.cookie.domain")
    Optional<String> domain;

    @Inject
    @ConfigProperty(name = "latchkey.cookie.secure", defaultValue = "true")
    boolean secure;

    @Inject
    @ConfigProperty(name = "latchkey.cookie.access-name", defaultValue = "latchkey.access")
    String accessName;

    @Inject
    @ConfigProperty(name = "latchkey.cookie.refresh-name", defaultValue = "latchkey.refresh")
    String refreshName;

    @Produces
    @Singleton
    CookieSettings settings() {
        return new CookieSettings(domain, secure, accessName, refreshName);
    }
}
