package org.latchkey.bench.floor;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/me} with a constant body of the real one's size and no security, filters or CDI: what the server's
 * HTTP and JAX-RS layers cost by themselves, the floor AuthBench compares Latchkey's {@code /api/me} with.
 */
@Path("me")
public class FloorResource {

    static final String BODY = "{\"user_id\":1,\"user_uuid\":\"9b2c4c1e-8a1d-4a47-9a51-8d4c3b3e2f10\",\"email\":"
            + "\"ada@example.test\",\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"is_staff\":false,"
            + "\"is_superuser\":false,\"groups\":[]}";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
        return BODY;
    }
}
