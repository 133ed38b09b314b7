package org.latchkey.web;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import org.latchkey.audit.AuditTag;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.ThrottleSettings;

/**
 * Tags each request for the audit trail as it begins — before the authentication mechanism runs, so its events are
 * tagged too: a request id (sent back as {@code X-Request-Id} by {@link SecurityHeadersFilter}), the signed-in person
 * at each event and the real client address by the trusted proxies.
 */
@WebListener
public class RequestTags implements ServletRequestListener {

    /**
     * Looked up when a line needs the address, not when the listener is made: the listener is made before the
     * settings are checked, and a bad setting must stop the deployment with its own one line (Startup), not here.
     */
    @Inject
    Instance<ThrottleSettings> throttle;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (!(event.getServletRequest() instanceof HttpServletRequest request)) {
            return;
        }
        String id = AuditTag.newId();
        request.setAttribute(AuditTag.REQUEST_ID, id);
        AuditTag.begin(id, () -> {
            Principal principal = request.getUserPrincipal();
            return principal == null ? null : principal.getName();
        }, () -> ClientAddress.of(request, throttle.get().trustedProxies()));
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        AuditTag.end();
    }
}
