package org.latchkey.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.latchkey.admin.AdminService;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.session.SignInEntry;
import org.latchkey.text.Texts;
import org.latchkey.user.User;
import org.latchkey.user.UserSearch;

/**
 * {@code /api/admin/users}: the admin page's actions for scripts, under the same rules — a superuser by Latchkey's
 * records, with a live refresh token of their own sign-in in {@code "refresh"} (an access token alone, which every
 * service on the domain sees, changes nothing).
 */
@Path("admin/users")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AdminUsersResource {

    @Inject
    AdminService admin;

    @Inject
    CurrentUser currentUser;

    @Inject
    org.latchkey.throttle.Clients clients;

    @Context
    HttpServletRequest request;

    /**
     * {@code POST /api/admin/users/search} {@code {"refresh","q","kind","page"}} ({@code q}, {@code kind} — one of
     * {@code all active deactivated staff superuser unverified} — and {@code page} optional): 200 {@code {"total",
     * "page","pages","users":[…]}}, 50 a page by email. A POST because the proof of the auth-host session travels in
     * the body, never in a URL.
     */
    @POST
    @Path("search")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response search(InputStream body) {
        JsonObject json = signedIn(body);
        String kind = JsonBodies.optional(json, "kind");
        if (kind != null && !UserSearch.KINDS.contains(kind)) {
            throw new ApiProblem(400, "\"kind\" is one of " + String.join(", ", UserSearch.KINDS) + ".", "invalid");
        }
        JsonValue page = json.get("page");
        if (page != null && !(page instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 1 && n.longValue() <= 10_000_000)) {
            throw new ApiProblem(400, "\"page\" is a whole number from 1.", "invalid");
        }
        UserSearch.Page found = allowed(() -> admin.users(JsonBodies.required(json, "refresh"),
                UserSearch.of(JsonBodies.optional(json, "q"), kind, page == null ? null : ((JsonNumber) page).intValue())));
        JsonArrayBuilder people = JsonBodies.JSON.createArrayBuilder();
        found.people().forEach(user -> people.add(person(user)));
        return ApiProblem.json(200, JsonBodies.JSON.createObjectBuilder().add("total", found.total())
                .add("page", found.search().page()).add("pages", found.pages()).add("users", people).build());
    }

    /**
     * {@code POST /api/admin/users/{uuid}} {@code {"refresh"}}: 200 {@code {"user":{…},"sign_ins":[{"id","browser",
     * "system","address","started","last_used"}]}}; 404 for no such person.
     */
    @POST
    @Path("{uuid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response person(@PathParam("uuid") String uuid, InputStream body) {
        JsonObject json = signedIn(body);
        AdminService.Person person = allowed(() -> admin.person(uuid, JsonBodies.required(json, "refresh")))
                .orElseThrow(AdminUsersResource::noSuchPerson);
        JsonArrayBuilder signIns = JsonBodies.JSON.createArrayBuilder();
        for (SignInEntry entry : person.signIns()) {
            signIns.add(JsonBodies.JSON.createObjectBuilder().add("id", entry.id()).add("browser", entry.browser())
                    .add("system", entry.system()).add("address", entry.address()).add("started", entry.started().toString())
                    .add("last_used", entry.lastUsed().toString()));
        }
        return ApiProblem.json(200, JsonBodies.JSON.createObjectBuilder().add("user", person(person.user()))
                .add("sign_ins", signIns).build());
    }

    /** {@code POST /api/admin/users/{uuid}/sign-ins/{id}/end} {@code {"refresh"}}: that sign-in refreshes no more; 404 if none. */
    @POST
    @Path("{uuid}/sign-ins/{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response endSignIn(@PathParam("uuid") String uuid, @PathParam("id") String id, InputStream body) {
        JsonObject json = signedIn(body);
        return done(allowed(() -> admin.endSignIn(uuid, id, JsonBodies.required(json, "refresh"), clients.address())));
    }

    /**
     * {@code POST /api/admin/users/{uuid}/sign-ins/end} {@code {"refresh"}}: none of their sign-ins refreshes any more
     * and Latchkey refuses their access tokens at once; 404 for no such person.
     */
    @POST
    @Path("{uuid}/sign-ins/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response endAllSignIns(@PathParam("uuid") String uuid, InputStream body) {
        JsonObject json = signedIn(body);
        return done(allowed(() -> admin.endAllSignIns(uuid, JsonBodies.required(json, "refresh"), clients.address())));
    }

    /**
     * {@code POST /api/admin/users/{uuid}/deactivate} {@code {"refresh"}}: deactivated and signed out everywhere; 409
     * {@code cannot_deactivate} for oneself or the last active superuser; 404 for no such person.
     */
    @POST
    @Path("{uuid}/deactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response deactivate(@PathParam("uuid") String uuid, InputStream body) {
        JsonObject json = signedIn(body);
        if (!allowed(() -> admin.deactivate(uuid, JsonBodies.required(json, "refresh"), clients.address()))) {
            throw exists(uuid, json) ? new ApiProblem(409, "Neither yourself nor the last active superuser.",
                    "cannot_deactivate") : noSuchPerson();
        }
        return ApiProblem.json(200, JsonObject.EMPTY_JSON_OBJECT);
    }

    /** {@code POST /api/admin/users/{uuid}/reactivate} {@code {"refresh"}}: active again; 404 for no such person. */
    @POST
    @Path("{uuid}/reactivate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reactivate(@PathParam("uuid") String uuid, InputStream body) {
        JsonObject json = signedIn(body);
        return done(allowed(() -> admin.reactivate(uuid, JsonBodies.required(json, "refresh"), clients.address())));
    }

    /**
     * {@code POST /api/admin/users/{uuid}/reset-link} {@code {"refresh"}}: 202, a reset link is mailed to them (the
     * caller never sees it); 404 for no such active person.
     */
    @POST
    @Path("{uuid}/reset-link")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response sendResetLink(@PathParam("uuid") String uuid, InputStream body) {
        JsonObject json = signedIn(body);
        if (!allowed(() -> admin.sendResetLink(uuid, JsonBodies.required(json, "refresh"),
                Texts.choose(request.getLocales().asIterator()), clients.address()))) {
            throw noSuchPerson();
        }
        return ApiProblem.json(202, JsonObject.EMPTY_JSON_OBJECT);
    }

    /**
     * {@code PUT /api/admin/users/{uuid}/roles} {@code {"is_staff","is_superuser","refresh"}}: 200 with the roles now;
     * 404 for no such person; 409 {@code own_superuser_flag} or {@code last_superuser}; 403 for anyone but a
     * superuser with the auth host's session; 401 without a valid access token.
     */
    @PUT
    @Path("{uuid}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setRoles(@PathParam("uuid") String uuid, InputStream body) {
        JsonObject json = signedIn(body);
        boolean staff = JsonBodies.requiredBoolean(json, "is_staff");
        boolean superuser = JsonBodies.requiredBoolean(json, "is_superuser");
        String refresh = JsonBodies.required(json, "refresh");
        AdminService.RolesOutcome outcome = allowed(() -> admin.setRoles(uuid, staff, superuser, refresh, clients.address()));
        return switch (outcome) {
            case DONE -> ApiProblem.json(200, JsonBodies.JSON.createObjectBuilder().add("user_uuid", uuid)
                    .add("is_staff", staff).add("is_superuser", superuser).build());
            case NO_SUCH_PERSON -> throw new ApiProblem(404, "No such person.", "not_found");
            case OWN_SUPERUSER_FLAG -> throw new ApiProblem(409, "A superuser's own superuser role is removed by another"
                    + " superuser.", "own_superuser_flag");
            case LAST_SUPERUSER -> throw new ApiProblem(409, "There must always be an active superuser.", "last_superuser");
        };
    }

    /** The body of a request with a valid access token; 401 without one (before the body is read). */
    private JsonObject signedIn(InputStream body) {
        if (currentUser.get().isEmpty()) {
            throw new ApiProblem(ApiProblem.response(401, "Authentication credentials were not provided.",
                    "not_authenticated").header("WWW-Authenticate", "Bearer realm=\"latchkey\""));
        }
        return JsonBodies.read(body);
    }

    private interface AdminCall<T> {
        T call() throws NotAllowedException;
    }

    /** 403 for anyone but a superuser with the auth host's session. */
    private static <T> T allowed(AdminCall<T> call) {
        try {
            return call.call();
        } catch (NotAllowedException e) {
            throw new ApiProblem(403, "This needs a superuser with a live refresh token of this sign-in in \"refresh\".",
                    e.reason().replace('-', '_'));
        }
    }

    private static Response done(boolean done) {
        if (!done) {
            throw noSuchPerson();
        }
        return ApiProblem.json(200, JsonObject.EMPTY_JSON_OBJECT);
    }

    private boolean exists(String uuid, JsonObject json) {
        return allowed(() -> admin.person(uuid, JsonBodies.required(json, "refresh"))).isPresent();
    }

    private static ApiProblem noSuchPerson() {
        return new ApiProblem(404, "No such person.", "not_found");
    }

    /** A person as the search and the person's page show them, in the field names of Django's user. */
    private static JsonObject person(User user) {
        return JsonBodies.JSON.createObjectBuilder().add("user_id", user.getId()).add("user_uuid", user.getUuid())
                .add("email", user.getEmail()).add("first_name", user.getFirstName()).add("last_name", user.getLastName())
                .add("is_active", user.isActive()).add("is_staff", user.isStaff()).add("is_superuser", user.isSuperuser())
                .add("email_verified", user.isEmailVerified()).add("date_joined", user.getDateJoined().toInstant().toString())
                .add("last_login", user.getLastLogin() == null ? JsonValue.NULL
                        : JsonBodies.JSON.createValue(user.getLastLogin().toInstant().toString())).build();
    }
}
