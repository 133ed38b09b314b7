package org.latchkey.bench.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The floor for {@code /api/me}: JAX-RS on the same Payara Micro, nothing of Latchkey's (see {@link FloorResource}). */
@ApplicationPath("api")
public class FloorApplication extends Application {
}
