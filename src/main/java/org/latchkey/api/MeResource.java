package org.latchkey.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.latchkey.account.AccountService;
import org.latchkey.account.AccountChange;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.audit.Audit;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;
import org.latchkey.session.SignInEntry;
import org.latchkey.text.Texts;

/**
 * {@code /api/me}: who the access token (Bearer header or cookie) speaks for, and the account page's actions. Without a valid one: 401 with
 * {@code WWW-Authenticate: Bearer} — naming {@code invalid_token} only when a token was sent (RFC 6750 §3.1).
 */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MeResource {

    @Inject
    org.latchkey.throttle.Clients clients;

    @Inject
    CurrentUser currentUser;

    @Inject
    CookieSettings cookies;

    @Inject
    AccountService accounts;

    @Inject
    Audit audit;

    @Context
    HttpServletRequest request;

    @GET
    public Response me() {
        LatchkeyUser user = currentUser.get().orElseThrow(this::notAuthenticated);
        JsonArrayBuilder groups = JsonBodies.JSON.createArrayBuilder();
        user.groups().forEach(groups::add);
        return ApiProblem.json(200, JsonBodies.JSON.createObjectBuilder().add("user_id", user.userId()).add("user_uuid", user.uuid())
                .add("email", user.email()).add("first_name", user.firstName()).add("last_name", user.lastName())
                .add("is_staff", user.staff()).add("is_superuser", user.superuser()).add("groups", groups).build());
    }

    /**
     * {@code POST /api/me/password} {@code {"current_password","new_password","refresh"}}: the account page's change,
     * which ends every other sign-in. {@code refresh} is this client's live refresh token — the proof of a sign-in
     * at the auth host that an access token alone (which every service on the domain sees) is not; its sign-in
     * stays and the answer carries its new access token, since the old ones are refused here from now on.
     */
    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(InputStream body) {
        LatchkeyUser user = currentUser.get().orElseThrow(this::notAuthenticated);
        JsonObject json = JsonBodies.read(body);
        String next = JsonBodies.required(json, "new_password");
        AccountChange change;
        try {
            change = accounts.changePassword(JsonBodies.required(json, "current_password"), next, next,
                    JsonBodies.required(json, "refresh"));
        } catch (NotAllowedException e) {
            throw notAllowed();
        }
        if (!change.changed()) {
            throw ApiProblem.invalid(change.problems(), Texts.choose(request.getLocales().asIterator()));
        }
        audit.event("password-changed", user.uuid(), clients.address(), "success");
        return ApiProblem.json(200, JsonBodies.JSON.createObjectBuilder().add("access", change.access().value()).build());
    }

    /**
     * {@code POST /api/me/name} {@code {"first_name","last_name","refresh"}}: new names (150 characters at most,
     * printable); 200 with a new access token carrying them, 400 with the problems by field.
     */
    @POST
    @Path("name")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changeName(InputStream body) {
        currentUser.get().orElseThrow(this::notAuthenticated);
        JsonObject json = JsonBodies.read(body);
        AccountChange change;
        try {
            change = accounts.changeName(JsonBodies.required(json, "first_name"), JsonBodies.required(json, "last_name"),
                    JsonBodies.required(json, "refresh"));
        } catch (NotAllowedException e) {
            throw notAllowed();
        }
        if (!change.changed()) {
            throw ApiProblem.invalid(change.problems(), Texts.choose(request.getLocales().asIterator()));
        }
        return ApiProblem.json(200, JsonBodies.JSON.createObjectBuilder().add("access", change.access().value()).build());
    }

    /**
     * {@code POST /api/me/sign-out-everywhere} {@code {"refresh"}} (this client's live refresh token, as above): no
     * refresh token of this person refreshes any more and their access tokens are refused here. JSON only, like every
     * state change here: a cross-site form cannot send it (415).
     */
    @POST
    @Path("sign-out-everywhere")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signOutEverywhere(InputStream body) {
        LatchkeyUser user = currentUser.get().orElseThrow(this::notAuthenticated);
        JsonObject json = JsonBodies.read(body);
        try {
            accounts.signOutEverywhere(JsonBodies.required(json, "refresh"));
        } catch (NotAllowedException e) {
            throw notAllowed();
        }
        audit.event("sign-out-everywhere", user.uuid(), clients.address(), "success");
        return ApiProblem.json(200, JsonObject.EMPTY_JSON_OBJECT);
    }

    /**
     * {@code POST /api/me/sign-ins} {@code {"refresh"}}: where this person is signed in — a POST because the proof of
     * the auth-host session travels in the body, never in a URL. 200 {@code {"sign_ins":[{"id","browser","system",
     * "address","started","last_used","current"}]}}, newest use first.
     */
    @POST
    @Path("sign-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIns(InputStream body) {
        currentUser.get().orElseThrow(this::notAuthenticated);
        JsonObject json = JsonBodies.read(body);
        List<SignInEntry> entries;
        try {
            entries = accounts.signIns(JsonBodies.required(json, "refresh"));
        } catch (NotAllowedException e) {
            throw notAllowed();
        }
        JsonArrayBuilder list = JsonBodies.JSON.createArrayBuilder();
        for (SignInEntry entry : entries) {
            list.add(JsonBodies.JSON.createObjectBuilder().add("id", entry.id()).add("browser", entry.browser())
                    .add("system", entry.system()).add("address", entry.address()).add("started", entry.started().toString())
                    .add("last_used", entry.lastUsed().toString()).add("current", entry.current()));
        }
        return ApiProblem.json(200, JsonBodies.JSON.createObjectBuilder().add("sign_ins", list).build());
    }

    /** {@code POST /api/me/sign-ins/{id}/end} {@code {"refresh"}}: that other sign-in refreshes no more; 404 if none. */
    @POST
    @Path("sign-ins/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response endSignIn(@jakarta.ws.rs.PathParam("id") String id, InputStream body) {
        currentUser.get().orElseThrow(this::notAuthenticated);
        JsonObject json = JsonBodies.read(body);
        try {
            if (!accounts.endSignIn(id, JsonBodies.required(json, "refresh"))) {
                throw new ApiProblem(404, "No such other sign-in of yours.", "not_found");
            }
        } catch (NotAllowedException e) {
            throw notAllowed();
        }
        return ApiProblem.json(200, JsonObject.EMPTY_JSON_OBJECT);
    }

    /** A valid access token without a live refresh token of the same person: 403, never a change. */
    private static ApiProblem notAllowed() {
        return new ApiProblem(403, "This change needs a live refresh token of this sign-in in \"refresh\".",
                "auth_host_session_required");
    }

    private ApiProblem notAuthenticated() {
        boolean sent = Tokens.read(request, List.of(cookies.accessName())).isPresent();
        return new ApiProblem(ApiProblem.response(401, sent ? "Token is invalid or expired"
                        : "Authentication credentials were not provided.", sent ? "token_not_valid" : "not_authenticated")
                .header("WWW-Authenticate", "Bearer realm=\"latchkey\"" + (sent ? ", error=\"invalid_token\"" : "")));
    }
}
