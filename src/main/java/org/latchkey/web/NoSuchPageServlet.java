package org.latchkey.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Mapped to {@code *.xhtml} in web.xml: a Facelets file is never served as a file nor rendered under its file name,
 * only through the page's own mapping ({@code /login}, not {@code /login.xhtml}).
 */
public class NoSuchPageServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
