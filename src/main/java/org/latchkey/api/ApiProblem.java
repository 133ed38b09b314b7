package org.latchkey.api;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;

/**
 * A refusal with simplejwt's body shape: {@code {"detail": "...", "code": "..."}}; and the one place API responses
 * are built ({@link #json}).
 */
public class ApiProblem extends WebApplicationException {

    public ApiProblem(int status, String detail, String code) {
        super(detail, response(status, detail, code).build());
    }

    public ApiProblem(Response.ResponseBuilder response) {
        super(response.build());
    }

    static Response.ResponseBuilder response(int status, String detail, String code) {
        return builder(status, JsonBodies.JSON.createObjectBuilder().add("detail", detail).add("code", code).build());
    }

    /** Every API answer: JSON, never cached (bodies carry tokens or personal data). */
    static Response json(int status, JsonObject body) {
        return builder(status, body).build();
    }

    private static Response.ResponseBuilder builder(int status, JsonObject body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store")
                .entity(body.toString());
    }

    /** 400 with every problem by field, in the reader's language: {@code "fields": {"email": ["..."]}}. */
    static ApiProblem invalid(Map<String, List<Text>> problems, Locale locale) {
        JsonObjectBuilder fields = JsonBodies.JSON.createObjectBuilder();
        problems.forEach((field, texts) -> {
            JsonArrayBuilder messages = JsonBodies.JSON.createArrayBuilder();
            texts.forEach(t -> messages.add(Texts.format(t, locale)));
            fields.add(field, messages);
        });
        return new ApiProblem(builder(400, JsonBodies.JSON.createObjectBuilder()
                .add("detail", Texts.format(Text.of("register.fixProblems"), locale))
                .add("code", "invalid").add("fields", fields).build()));
    }

    static ApiProblem tokenNotValid() {
        return new ApiProblem(401, "Token is invalid or expired", "token_not_valid");
    }
}
