package org.latchkey.downstream;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** A service that knows nothing of Latchkey but MicroProfile JWT: it trusts the keys at mp.jwt.verify.publickey.location. */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "staff", "superuser"})
public class MpJwtApplication extends Application {
}
