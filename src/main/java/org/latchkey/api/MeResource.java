package org.latchkey.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.LatchkeyUser;
import org.latchkey.consumer.Tokens;
import org.latchkey.cookie.CookieSettings;

/**
 * {@code GET /api/me}: who the access token (Bearer header or cookie) speaks for. Without a valid one: 401 with
 * {@code WWW-Authenticate: Bearer} — naming {@code invalid_token} only when a token was sent (RFC 6750 §3.1).
 */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class MeResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    CookieSettings cookies;

    @Context
    HttpServletRequest request;

    @GET
    public Response me() {
        LatchkeyUser user = currentUser.get().orElseThrow(this::notAuthenticated);
        JsonArrayBuilder groups = Json.createArrayBuilder();
        user.groups().forEach(groups::add);
        return Response.ok(Json.createObjectBuilder().add("user_id", user.userId()).add("user_uuid", user.uuid())
                .add("email", user.email()).add("first_name", user.firstName()).add("last_name", user.lastName())
                .add("is_staff", user.staff()).add("is_superuser", user.superuser()).add("groups", groups)
                .build().toString(), MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    private ApiProblem notAuthenticated() {
        boolean sent = Tokens.read(request, List.of(cookies.accessName())).isPresent();
        return new ApiProblem(ApiProblem.response(401, sent ? "Token is invalid or expired"
                        : "Authentication credentials were not provided.", sent ? "token_not_valid" : "not_authenticated")
                .header("WWW-Authenticate", "Bearer realm=\"latchkey\"" + (sent ? ", error=\"invalid_token\"" : "")));
    }
}
