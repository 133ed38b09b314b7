package org.latchkey.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Jakarta REST at {@code /api}. */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
