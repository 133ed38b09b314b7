package org.latchkey.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The container's own session cookie (Faces keeps view state in the session): HttpOnly and cookie-only (web.xml),
 * SameSite=Lax so cross-site POSTs arrive without it, and Secure whenever the token cookies are.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig config = event.getServletContext().getSessionCookieConfig();
        config.setHttpOnly(true);
        config.setSecure(ConfigProvider.getConfig().getOptionalValue("latchkey.cookie.secure", Boolean.class).orElse(true));
        config.setAttribute("SameSite", "Lax");
    }
}
