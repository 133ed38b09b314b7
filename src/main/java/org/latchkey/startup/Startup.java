package org.latchkey.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.latchkey.consumer.TokenVerifier;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.token.TokenIssuer;
import org.latchkey.token.TokenSettings;
import org.latchkey.user.AdminBootstrap;

/** Runs at deployment; an exception here fails the deployment, so an unsafe setting never serves a request. */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    TokenSettings tokenSettings;

    @Inject
    CookieSettings cookieSettings;

    @Inject
    TokenIssuer issuer;

    @Inject
    TokenVerifier verifier;

    @Inject
    SchemaMigration schema;

    @Inject
    AdminBootstrap admin;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            // The injected singletons (key, settings, issuer, verifier) were built to inject them: their checks
            // have run before the first request.
            LOG.info("Latchkey tokens: " + tokenSettings.algorithm() + ", access " + tokenSettings.accessLifetime()
                    + ", refresh " + tokenSettings.refreshLifetime() + "; cookie domain "
                    + cookieSettings.domain().orElse("(host-only)") + ", secure " + cookieSettings.secure());
            schema.migrate();
            admin.run();
        } catch (RuntimeException e) {
            String reason = rootMessage(e);
            LOG.severe("Latchkey refuses to start: " + reason);
            throw new IllegalStateException("Latchkey refuses to start: " + reason, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && !(t instanceof IllegalStateException)) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
