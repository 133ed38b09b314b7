package org.latchkey.api;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The container's own refusals (wrong method, wrong content type, no such path) in the same JSON shape as ours,
 * instead of the server's HTML error page.
 */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.hasEntity() && MediaType.APPLICATION_JSON_TYPE.isCompatible(original.getMediaType())) {
            return original; // already ours
        }
        int status = original.getStatus();
        Response.ResponseBuilder answer;
        if (e instanceof NotSupportedException) {
            answer = ApiProblem.response(415, "Send the body as application/json.", "unsupported_media_type");
        } else if (e instanceof NotAllowedException) {
            answer = ApiProblem.response(405, "This method is not allowed here.", "method_not_allowed");
            original.getAllowedMethods().forEach(m -> answer.header("Allow", m));
        } else if (e instanceof NotFoundException) {
            answer = ApiProblem.response(404, "Not found.", "not_found");
        } else if (e instanceof NotAcceptableException) {
            answer = ApiProblem.response(406, "Latchkey answers in application/json only.", "not_acceptable");
        } else {
            answer = ApiProblem.response(status, status >= 500 ? "Latchkey could not complete this request."
                    : "The request was not understood.", status >= 500 ? "error" : "bad_request");
        }
        return answer.build();
    }
}
