package org.latchkey.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.latchkey.password.PasswordBusyException;

/** Every bcrypt turn taken (a sign-in, a registration, a password change or reset): 503 {@code busy}, try again soon. */
@Provider
public class BusyMapper implements ExceptionMapper<PasswordBusyException> {

    @Override
    public Response toResponse(PasswordBusyException e) {
        return ApiProblem.response(503, "Latchkey is busy checking other sign-ins. Please try again in a moment.", "busy")
                .header("Retry-After", PasswordBusyException.RETRY_AFTER_SECONDS).build();
    }
}
