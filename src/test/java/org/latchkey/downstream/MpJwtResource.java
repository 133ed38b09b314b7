package org.latchkey.downstream;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The MicroProfile JWT service's endpoints: who the bearer token says you are, and a public readiness ping. */
@Path("")
@RequestScoped
public class MpJwtResource {

    @Inject
    JsonWebToken jwt;

    @GET
    @Path("me")
    @RolesAllowed("user")
    @Produces(MediaType.TEXT_PLAIN)
    public String me() {
        return jwt.getName() + " " + jwt.getSubject() + " " + String.join(",", new java.util.TreeSet<>(jwt.getGroups()));
    }

    @GET
    @Path("ping")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "pong";
    }
}
