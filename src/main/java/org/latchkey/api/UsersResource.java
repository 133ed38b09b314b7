package org.latchkey.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.latchkey.registration.Registration;
import org.latchkey.registration.RegistrationService;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;

/**
 * {@code POST /api/users}: registration for clients without a form — the form's fields and rules (the same service),
 * problems by field. {@code confirm_password} may be left out: a client program has no second box to mistype.
 */
@Path("users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class UsersResource {

    @Inject
    RegistrationService registrations;

    @Context
    HttpServletRequest request;

    @POST
    public Response register(InputStream body) {
        JsonObject json = JsonBodies.read(body);
        String password = text(json, RegistrationService.PASSWORD);
        String confirm = json.containsKey(RegistrationService.CONFIRM_PASSWORD)
                ? text(json, RegistrationService.CONFIRM_PASSWORD) : password;
        Registration form = new Registration(text(json, RegistrationService.FIRST_NAME),
                text(json, RegistrationService.LAST_NAME), text(json, RegistrationService.EMAIL), password, confirm);
        Map<String, List<Text>> problems = registrations.register(form);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems, Texts.choose(request.getLocales().asIterator()));
        }
        return ApiProblem.json(201, Json.createObjectBuilder().add("email", form.email().strip()).build());
    }

    /** A string field or null (the service then says what is missing, by field); another type is refused here. */
    private static String text(JsonObject json, String field) {
        if (!json.containsKey(field) || json.isNull(field)) {
            return null;
        }
        if (!(json.get(field) instanceof JsonString value)) {
            throw new ApiProblem(400, "The field \"" + field + "\" must be a string.", "invalid");
        }
        return value.getString();
    }
}
