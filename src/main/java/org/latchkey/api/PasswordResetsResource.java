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
import org.latchkey.reset.PasswordResetService;
import org.latchkey.reset.ResetOutcome;
import org.latchkey.reset.ResetSettings;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;
import org.latchkey.throttle.ClientAddress;
import org.latchkey.throttle.ThrottleSettings;

/**
 * {@code POST /api/password-reset {"email"}} → 202 for every address; {@code POST /api/password-reset/confirm
 * {"token", "password"}} → 200 with a new pair of tokens (every other sign-in ended), 400 with problems by field, or
 * 400 {@code token_not_valid}.
 */
@Path("password-reset")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class PasswordResetsResource {

    @Inject
    PasswordResetService resets;

    @Inject
    ResetSettings settings;

    @Inject
    ThrottleSettings throttleSettings;

    @Context
    HttpServletRequest request;

    @POST
    public Response request(InputStream body) {
        JsonObject json = JsonBodies.read(body);
        Locale locale = locale();
        String email = JsonBodies.optional(json, PasswordResetService.EMAIL);
        boolean valid;
        try {
            valid = resets.request(email, locale, client());
        } catch (org.latchkey.throttle.ThrottledException e) {
            throw new ApiProblem(ApiProblem.response(429, "Too many reset requests from your address. Try again in "
                    + e.seconds() + " seconds.", "throttled").header("Retry-After", e.seconds()));
        }
        if (!valid) {
            throw ApiProblem.invalid(Map.of(PasswordResetService.EMAIL, List.of(Text.of(email == null || email.isBlank()
                    ? "login.emailRequired" : "register.emailInvalid"))), locale);
        }
        return ApiProblem.json(202, JsonBodies.JSON.createObjectBuilder()
                .add("detail", Texts.format(Text.of("reset.sent", Text.duration(settings.lifetime())), locale)).build());
    }

    @POST
    @Path("confirm")
    public Response confirm(InputStream body) {
        JsonObject json = JsonBodies.read(body);
        String password = JsonBodies.optional(json, PasswordResetService.PASSWORD);
        String confirm = json.containsKey(PasswordResetService.CONFIRM_PASSWORD)
                ? JsonBodies.optional(json, PasswordResetService.CONFIRM_PASSWORD) : password;
        Locale locale = locale();
        ResetOutcome outcome = resets.confirm(JsonBodies.optional(json, "token"), password, confirm, locale, client());
        if (!outcome.linkWorks()) {
            throw new ApiProblem(400, "The reset link is invalid, used or expired.", "token_not_valid");
        }
        if (!outcome.done()) {
            throw ApiProblem.invalid(outcome.problems(), locale);
        }
        return ApiProblem.json(200, TokenPairResponse.of(outcome.signIn()).json());
    }

    private Locale locale() {
        return Texts.choose(request.getLocales().asIterator());
    }

    private String client() {
        return ClientAddress.of(request, throttleSettings.trustedProxies());
    }
}
