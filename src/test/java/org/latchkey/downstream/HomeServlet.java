package org.latchkey.downstream;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.latchkey.consumer.CurrentUser;
import org.latchkey.consumer.LatchkeyUser;

/** The downstream test service's page for people: greets the signed-in person by name. */
@WebServlet("/home")
@ServletSecurity(@HttpConstraint(rolesAllowed = "user"))
public class HomeServlet extends HttpServlet {

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LatchkeyUser user = currentUser.get().orElseThrow();
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>The app</title></head>"
                + "<body><h1>The app</h1><p id=\"greeting\">Hello, " + escape(user.displayName()) + "</p>"
                + "<p id=\"email\">" + escape(user.email()) + "</p></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
