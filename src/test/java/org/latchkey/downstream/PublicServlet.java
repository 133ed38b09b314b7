package org.latchkey.downstream;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.latchkey.consumer.CurrentUser;

/** The downstream test service's public page: never blocked, says who is signed in if anyone. */
@WebServlet("/public")
public class PublicServlet extends HttpServlet {

    @Inject
    CurrentUser currentUser;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(currentUser.get().map(u -> "signed in as " + u.email()).orElse("anonymous"));
    }
}
