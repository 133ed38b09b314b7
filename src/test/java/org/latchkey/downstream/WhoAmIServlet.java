package org.latchkey.downstream;

import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.LatchkeyUser;

/** The downstream test service's protected page: who the consumer jar says is signed in. */
@WebServlet("/whoami")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
@DeclareRoles({"user", "staff", "superuser"})
public class WhoAmIServlet extends HttpServlet {

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LatchkeyUser user = currentUser.get().orElseThrow();
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder()
                .add("principal", request.getUserPrincipal().getName())
                .add("user_id", user.userId()).add("uuid", user.uuid()).add("email", user.email())
                .add("first_name", user.firstName()).add("last_name", user.lastName())
                .add("staff", user.staff()).add("superuser", user.superuser())
                .add("in_role_user", request.isUserInRole("user"))
                .add("in_role_superuser", request.isUserInRole("superuser"))
                .build().toString());
    }
}
