package org.latchkey.cookie;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class CookieConfiguration {

    static final String ACCESS = "latchkey.access";
    static final String REFRESH = "latchkey.refresh";

    @Inject
    @ConfigProperty(name = "latchkey.cookie.domain")
    Optional<String> domain;

    @Inject
    @ConfigProperty(name = "latchkey.cookie.secure", defaultValue = "true")
    boolean secure;

    @Inject
    @ConfigProperty(name = "latchkey.cookie.access-name")
    Optional<String> accessName;

    @Inject
    @ConfigProperty(name = "latchkey.cookie.refresh-name")
    Optional<String> refreshName;

    /**
     * Default names carry the browser-enforced prefixes when cookies are Secure: {@code __Host-} (Secure, Path=/,
     * no Domain) on the refresh cookie and {@code __Secure-} on the access cookie, so a sibling subdomain cannot
     * plant look-alikes. Plain names stay for local http, where browsers refuse prefixed cookies.
     */
    @Produces
    @Singleton
    CookieSettings settings() {
        return new CookieSettings(domain, secure,
                accessName.orElse(secure ? "__Secure-" + ACCESS : ACCESS),
                refreshName.orElse(secure ? "__Host-" + REFRESH : REFRESH));
    }
}
