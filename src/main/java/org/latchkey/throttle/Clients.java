package org.latchkey.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/** The current request's {@link ClientAddress}, for audit lines and throttles wherever a request is being served. */
@ApplicationScoped
public class Clients {

    @Inject
    HttpServletRequest request;

    @Inject
    ThrottleSettings settings;

    public Clients() {
    }

    /** Outside a container (tests): this request, these proxies. */
    public Clients(HttpServletRequest request, ThrottleSettings settings) {
        this.request = request;
        this.settings = settings;
    }

    public String address() {
        return ClientAddress.of(request, settings.trustedProxies());
    }

    /** The request's {@code User-Agent}, as sent (may be null). */
    public String userAgent() {
        return request.getHeader("User-Agent");
    }
}
