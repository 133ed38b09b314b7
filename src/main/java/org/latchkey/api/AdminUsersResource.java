package org.latchkey.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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

    /**
     * {@code PUT /api/admin/users/{uuid}/roles} {@code {"is_staff","is_superuser","refresh"}}: 200 with the roles now;
     * 404 for no such person; 409 {@code own_superuser_flag} or {@code last_superuser}; 403 for anyone but a
     * superuser with the auth host's session; 401 without a valid access token.
     */
    @PUT
    @Path("{uuid}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setRoles(@PathParam("uuid") String uuid, InputStream body) {
        if (currentUser.get().isEmpty()) {
            throw new ApiProblem(ApiProblem.response(401, "Authentication credentials were not provided.",
                    "not_authenticated").header("WWW-Authenticate", "Bearer realm=\"latchkey\""));
        }
        JsonObject json = JsonBodies.read(body);
        boolean staff = JsonBodies.requiredBoolean(json, "is_staff");
        boolean superuser = JsonBodies.requiredBoolean(json, "is_superuser");
        String refresh = JsonBodies.required(json, "refresh");
        AdminService.RolesOutcome outcome;
        try {
            outcome = admin.setRoles(uuid, staff, superuser, refresh, clients.address());
        } catch (NotAllowedException e) {
            throw new ApiProblem(403, "This needs a superuser with a live refresh token of this sign-in in \"refresh\".",
                    e.reason().replace('-', '_'));
        }
        return switch (outcome) {
            case DONE -> ApiProblem.json(200, JsonBodies.JSON.createObjectBuilder().add("user_uuid", uuid)
                    .add("is_staff", staff).add("is_superuser", superuser).build());
            case NO_SUCH_PERSON -> throw new ApiProblem(404, "No such person.", "not_found");
            case OWN_SUPERUSER_FLAG -> throw new ApiProblem(409, "A superuser's own superuser role is removed by another"
                    + " superuser.", "own_superuser_flag");
            case LAST_SUPERUSER -> throw new ApiProblem(409, "There must always be an active superuser.", "last_superuser");
        };
    }
}
