package org.latchkey.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.Locale;
import java.util.Map;
import org.latchkey.registration.Registration;
import org.latchkey.registration.RegistrationService;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.ThrottleSettings;
import org.latchkey.throttle.ThrottledException;

/**
 * {@code POST /api/users}: registration for clients without a form — the form's fields and rules (the same service),
 * problems by field. {@code confirm_password} may be left out: a client program has no second box to mistype. 202
 * with verification required (for a new and a taken address alike), 201 with it off.
 */
@Path("users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class UsersResource {

    @Inject
    RegistrationService registrations;

    @Inject
    ThrottleSettings throttleSettings;

    @Context
    HttpServletRequest request;

    @POST
    public Response register(InputStream body) {
        JsonObject json = JsonBodies.read(body);
        String password = JsonBodies.optional(json, RegistrationService.PASSWORD);
        String confirm = json.containsKey(RegistrationService.CONFIRM_PASSWORD)
                ? JsonBodies.optional(json, RegistrationService.CONFIRM_PASSWORD) : password;
        Registration form = new Registration(JsonBodies.optional(json, RegistrationService.FIRST_NAME),
                JsonBodies.optional(json, RegistrationService.LAST_NAME), JsonBodies.optional(json, RegistrationService.EMAIL), password, confirm);
        Locale locale = Texts.choose(request.getLocales().asIterator());
        Map<String, List<Text>> problems;
        try {
            problems = registrations.register(form, locale, ClientAddress.of(request, throttleSettings.trustedProxies()));
        } catch (ThrottledException e) {
            throw new ApiProblem(ApiProblem.response(429, "Too many registrations from your address. Try again in "
                    + e.seconds() + " seconds.", "throttled").header("Retry-After", e.seconds()));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems, locale);
        }
        if (registrations.verificationRequired()) {
            // the same for a new and a taken address: the inbox tells its owner which it was
            return ApiProblem.json(202, JsonBodies.JSON.createObjectBuilder().add("email", form.email().strip())
                    .add("detail", Texts.format(Text.of("register.checkInbox"), locale)).build());
        }
        return ApiProblem.json(201, JsonBodies.JSON.createObjectBuilder().add("email", form.email().strip()).build());
    }
}
