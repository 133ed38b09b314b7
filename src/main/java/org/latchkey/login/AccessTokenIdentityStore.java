package org.latchkey.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.consumer.TokenRejectedException;
import org.latchkey.consumer.TokenVerifier;
import org.latchkey.metrics.Metrics;
import org.latchkey.user.Standing;
import org.latchkey.user.Standings;

/**
 * An access token on the auth host: its signature and expiry say who it speaks for, and Latchkey's own row says the
 * rest — whether that person is still active, whether the token was issued after their last sign-out everywhere,
 * password change or deactivation, and their roles. The token's {@code user_is_staff}/{@code user_is_superuser} are
 * never believed here: with a shared HMAC key every service on the domain could mint them. The row is read through
 * {@link Standings}, which keeps it in memory and says how stale it may be.
 */
@ApplicationScoped
public class AccessTokenIdentityStore implements IdentityStore {

    @Inject
    TokenVerifier verifier;

    @Inject
    Standings standings;

    @Inject
    Metrics metrics;

    public CredentialValidationResult validate(AccessTokenCredential credential) {
        long started = System.nanoTime();
        try {
            return check(credential);
        } finally {
            metrics.tokenChecked(System.nanoTime() - started);
        }
    }

    private CredentialValidationResult check(AccessTokenCredential credential) {
        LatchkeyUser claimed;
        try {
            claimed = verifier.verifyAccess(credential.token());
        } catch (TokenRejectedException e) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Standing> standing = standings.of(claimed.uuid()).filter(s -> s.admits(claimed.issuedAt()));
        if (standing.isEmpty()) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        LatchkeyUser person = claimed.withRoles(standing.get().staff(), standing.get().superuser());
        return new CredentialValidationResult(new TokenPrincipal(person, standing.get().id()), person.groups());
    }
}
