package org.latchkey.downstream;

import jakarta.annotation.security.DeclareRoles;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.latchkey.consumer.CurrentUser;

/** The same page as /public behind a constraint, so the benchmark compares protection and nothing else. */
@WebServlet("/private")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
@DeclareRoles({"user", "staff", "superuser"})
public class PrivateServlet extends HttpServlet {

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(currentUser.get().map(u -> "signed in as " + u.email()).orElse("anonymous"));
    }
}
