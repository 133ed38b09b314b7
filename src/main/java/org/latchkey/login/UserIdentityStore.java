package org.latchkey.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import org.latchkey.consumer.LatchkeyUser;
import jakarta.servlet.http.HttpServletRequest;
import org.latchkey.password.PasswordHasher;
import org.latchkey.registration.VerificationService;
import org.latchkey.text.Texts;
import org.latchkey.user.Emails;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/**
 * Email and password against the user table. An unknown email costs one bcrypt verification too, as in Django,
 * so the answer's timing does not tell which emails have accounts; an inactive account gets the same refusal. An
 * unverified one (with verification required) is refused after a correct password, with a new link sent.
 */
@ApplicationScoped
public class UserIdentityStore implements IdentityStore {

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    @Inject
    VerificationService verifications;

    @Inject
    SignInNotes notes;

    @Inject
    HttpServletRequest request;

    /**
     * A refusal never comes sooner than this after the check began. On PostgreSQL a known email measured a few ms
     * slower than an unknown one (a row is read and mapped), enough to tell them apart at a low bcrypt cost; the
     * floor hides that (and any such gap) without costing a correct login anything.
     */
    static final long REFUSAL_FLOOR_NANOS = 100_000_000L;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        long started = System.nanoTime();
        CredentialValidationResult result = check(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            long left = REFUSAL_FLOOR_NANOS - (System.nanoTime() - started);
            if (left > 0) {
                try {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        return result;
    }

    private CredentialValidationResult check(UsernamePasswordCredential credential) {
        String email = credential.getCaller();
        String password = credential.getPasswordAsString();
        Optional<User> user = Emails.isValid(email) ? users.findByEmail(email) : Optional.empty();
        if (user.isEmpty()) {
            hasher.verifyNothing(password);
            notes.refused("unknown-email", null);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!hasher.verify(password, user.get().getPasswordHash())) {
            notes.refused("wrong-password", user.get().getUuid());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!user.get().isActive()) {
            notes.refused("inactive", user.get().getUuid());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (verifications.mustVerify(user.get())) {
            notes.unverified();
            verifications.resend(user.get(), Texts.choose(request.getLocales().asIterator()));
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (hasher.needsRehash(user.get().getPasswordHash())) {
            // the cost was raised since this hash was made: only now, with the password at hand, can it follow
            users.replacePasswordHash(user.get().getId(), hasher.hash(password));
        }
        return new CredentialValidationResult(new UserPrincipal(user.get().getUuid(), user.get().getId()), 
                LatchkeyUser.groups(user.get().isStaff(), user.get().isSuperuser()));
    }
}
