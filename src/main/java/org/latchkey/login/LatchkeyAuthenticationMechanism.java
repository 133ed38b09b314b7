package org.latchkey.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.cookie.TokenCookies;
import org.latchkey.session.SignIn;
import org.latchkey.session.SessionService;
import org.latchkey.password.PasswordBusyException;
import org.latchkey.storage.StorageUnavailable;
import org.latchkey.web.Busy;
import org.latchkey.web.SecurityHeaders;

/**
 * On every request, public pages included: a password credential (from the login page) is checked by the identity
 * store and answered with both cookies; otherwise an access token (cookie or Bearer) that its identity store accepts
 * signs the person in, with the roles Latchkey's own records give them. A form posted to a protected page after the
 * access cookie ran out is signed in by {@link CookieRefresh}. A protected page sends an anonymous browser to the login
 * page, which comes back here with {@code next}.
 */
@ApplicationScoped
public class LatchkeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    TokenCookies cookies;

    @Inject
    CookieSettings cookieSettings;

    @Inject
    SessionService sessions;

    @Inject
    SecurityHeaders headers;

    @Inject
    CookieRefresh cookieRefresh;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        headers.apply(request, response);
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            // LoginBacking sees the 503 and leaves the answer alone
            if (PasswordBusyException.isCause(e)) {
                Busy.answer(request, response);
            } else if (StorageUnavailable.isCause(e)) {
                StorageUnavailable.answer(request, response, e);
            } else {
                throw e;
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                return AuthenticationStatus.SEND_FAILURE; // the login page says why; no error page
            }
            SignIn signIn = sessions.start(((UserPrincipal) result.getCallerPrincipal()).userId());
            cookies.writeAccess(response, signIn.access().value(), signIn.access().lifetime());
            cookies.writeRefresh(response, signIn.refresh().value(), signIn.refresh().lifetime());
            return context.notifyContainerAboutLogin(result);
        }
        Optional<String> token = Tokens.read(request, List.of(cookieSettings.accessName()));
        CredentialValidationResult result = token.map(t -> identityStores.validate(new AccessTokenCredential(t)))
                .orElse(CredentialValidationResult.NOT_VALIDATED_RESULT);
        if (result.getStatus() != CredentialValidationResult.Status.VALID && context.isProtected()) {
            result = cookieRefresh.forPost(request, response).map(t -> identityStores.validate(new AccessTokenCredential(t)))
                    .orElse(result);
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            CurrentUser.set(request, ((TokenPrincipal) result.getCallerPrincipal()).user());
            return context.notifyContainerAboutLogin(result);
        }
        if (context.isProtected()) {
            String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            return context.redirect(request.getContextPath() + "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        }
        return context.doNothing();
    }

}
