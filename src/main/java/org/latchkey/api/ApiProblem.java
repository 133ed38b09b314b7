package org.latchkey.api;

import jakarta.json.Json;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A refusal with simplejwt's body shape: {@code {"detail": "...", "code": "..."}}. */
public class ApiProblem extends WebApplicationException {

    public ApiProblem(int status, String detail, String code) {
        super(detail, response(status, detail, code).build());
    }

    public ApiProblem(Response.ResponseBuilder response) {
        super(response.build());
    }

    static Response.ResponseBuilder response(int status, String detail, String code) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .entity(Json.createObjectBuilder().add("detail", detail).add("code", code).build().toString());
    }

    static ApiProblem tokenNotValid() {
        return new ApiProblem(401, "Token is invalid or expired", "token_not_valid");
    }
}
