package org.latchkey.startup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.logging.Logger;
import org.latchkey.consumer.TokenVerifier;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.token.TokenIssuer;
import org.latchkey.token.TokenSettings;
import org.latchkey.user.AdminBootstrap;

/**
 * Runs at deployment; an exception here fails the deployment, so an unsafe setting never serves a request. The
 * settings come through providers so that building them — and their checks — happens inside the try below, which
 * logs the one-line reason.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    @Inject
    Provider<TokenSettings> tokenSettings;

    @Inject
    Provider<CookieSettings> cookieSettings;

    @Inject
    Provider<TokenIssuer> issuer;

    @Inject
    Provider<TokenVerifier> verifier;

    @Inject
    SchemaMigration schema;

    @Inject
    AdminBootstrap admin;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        try {
            TokenSettings tokens = tokenSettings.get();
            CookieSettings cookies = cookieSettings.get();
            issuer.get();
            verifier.get();
            LOG.info("Latchkey tokens: " + tokens.algorithm() + ", access " + tokens.accessLifetime() + ", refresh "
                    + tokens.refreshLifetime() + "; cookie domain " + cookies.domain().orElse("(host-only)")
                    + ", secure " + cookies.secure());
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
