package org.latchkey.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.latchkey.audit.Audit;
import jakarta.servlet.http.HttpServletResponse;
import org.latchkey.login.KnownDevices;
import org.latchkey.login.SignInNotes;
import org.latchkey.text.Texts;
import org.latchkey.login.UserPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.latchkey.login.AccessTokenCredential;
import org.latchkey.login.AccessTokenIdentityStore;
import org.latchkey.session.SessionService;
import org.latchkey.session.SignIn;
import org.latchkey.password.PasswordBusyException;
import org.latchkey.password.PasswordWork;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.LoginThrottle;
import org.latchkey.throttle.ThrottleSettings;

/**
 * simplejwt's four token views. Obtaining a pair goes through the same identity store and throttle as the login
 * form (429 with {@code Retry-After} while an account or address must wait); refreshing rotates with the same
 * family rules; blacklisting ends the token's whole sign-in, as logout does.
 */
@Path("token")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class TokensResource {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    SessionService sessions;

    @Inject
    AccessTokenIdentityStore accessTokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    ThrottleSettings throttleSettings;

    @Inject
    Audit audit;

    @Inject
    SignInNotes notes;

    @Inject
    KnownDevices devices;

    @Inject
    PasswordWork passwords;

    @Context
    HttpServletResponse response;

    @Context
    HttpServletRequest request;

    @POST
    public Response obtain(InputStream body) {
        TokenRequest login = TokenRequest.from(JsonBodies.read(body));
        String client = ClientAddress.of(request, throttleSettings.trustedProxies());
        if (passwords.refuseIfFull()) { // no turn for bcrypt: refused before the throttle's database work, and not counted
            audit.event("login", null, client, "busy");
            throw new PasswordBusyException();
        }
        LoginThrottle.Attempt attempt = throttle.begin(login.email(), client, devices.deviceFor(request, login.email()),
                Instant.now());
        if (!attempt.admitted()) {
            audit.event("login", null, client, "throttled");
            long seconds = LoginThrottle.seconds(attempt.waiting().get());
            throw new ApiProblem(ApiProblem.response(429, "Too many failed sign-in attempts. Try again in " + seconds
                    + " seconds.", "throttled").header("Retry-After", seconds));
        }
        CredentialValidationResult result;
        try {
            result = identityStores.validate(
                    new UsernamePasswordCredential(login.email().strip(), new Password(login.password())));
        } catch (RuntimeException e) {
            if (!PasswordBusyException.isCause(e)) { // IdentityStore's reflective dispatch wraps what a store throws
                throw e;
            }
            throttle.succeeded(attempt, Instant.now()); // never checked: no guess to count
            audit.event("login", null, client, "busy");
            throw new PasswordBusyException();
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID && notes.isUnverified()) {
            throttle.succeeded(attempt, Instant.now()); // the right password: not a guess
            audit.event("login", null, client, "unverified-link-sent");
            throw new ApiProblem(401, "Confirm your email address first: a new link was sent to it.",
                    "email_not_verified");
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            audit.event("login", notes.refusedUuid(), client, notes.refusal()); // counted by begin
            throw new ApiProblem(401, "No active account found with the given credentials", "no_active_account");
        }
        throttle.succeeded(attempt, Instant.now());
        SignIn signIn = sessions.start(((UserPrincipal) result.getCallerPrincipal()).userId());
        audit.event("login", signIn.userUuid(), client, "success");
        devices.signedIn(request, response, signIn.userUuid(), Texts.choose(request.getLocales().asIterator()), client);
        return ApiProblem.json(200, TokenPairResponse.of(signIn).json());
    }

    @POST
    @Path("refresh")
    public Response refresh(InputStream body) {
        String raw = JsonBodies.required(JsonBodies.read(body), "refresh");
        SignIn signIn = sessions.refresh(raw, ClientAddress.of(request, throttleSettings.trustedProxies()))
                .orElseThrow(ApiProblem::tokenNotValid);
        return ApiProblem.json(200, TokenPairResponse.of(signIn).json());
    }

    /** 200 {} for a valid access token, or a refresh token that can still refresh; else 401. */
    @POST
    @Path("verify")
    public Response verify(InputStream body) {
        String raw = JsonBodies.required(JsonBodies.read(body), "token");
        // an access token as the auth host itself takes it: its person still active, issued after their last
        // sign-out everywhere, password change or deactivation
        boolean access = accessTokens.validate(new AccessTokenCredential(raw)).getStatus()
                == CredentialValidationResult.Status.VALID;
        if (access || sessions.isLive(raw)) {
            return ApiProblem.json(200, JsonObject.EMPTY_JSON_OBJECT);
        }
        throw ApiProblem.tokenNotValid();
    }

    @POST
    @Path("blacklist")
    public Response blacklist(InputStream body) {
        String raw = JsonBodies.required(JsonBodies.read(body), "refresh");
        if (!sessions.end(raw)) {
            throw ApiProblem.tokenNotValid();
        }
        audit.event("logout", null, ClientAddress.of(request, throttleSettings.trustedProxies()), "success");
        return ApiProblem.json(200, JsonObject.EMPTY_JSON_OBJECT);
    }
}
