package org.latchkey.cookie;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.latchkey.consumer.ConfigValues;

@ApplicationScoped
public class CookieConfiguration {

    static final String ACCESS = "latchkey.access";
    static final String REFRESH = "latchkey.refresh";

    @Inject
    Config config;

    @Produces
    @Singleton
    CookieSettings settings() {
        return read(ConfigValues.of(config));
    }

    /**
     * Default names carry the browser-enforced prefixes when cookies are Secure: {@code __Host-} (Secure, Path=/,
     * no Domain) on the refresh cookie and {@code __Secure-} on the access cookie, so a sibling subdomain cannot
     * plant look-alikes. Plain names stay for local http, where browsers refuse prefixed cookies.
     */
    public static CookieSettings read(ConfigValues values) {
        boolean secure = values.bool("latchkey.cookie.secure", true);
        return new CookieSettings(values.text("latchkey.cookie.domain"), secure,
                values.text("latchkey.cookie.access-name", secure ? "__Secure-" + ACCESS : ACCESS),
                values.text("latchkey.cookie.refresh-name", secure ? "__Host-" + REFRESH : REFRESH));
    }
}
