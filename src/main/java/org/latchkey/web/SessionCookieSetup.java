package org.latchkey.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;
import org.latchkey.consumer.ConfigValues;
import org.latchkey.cookie.CookieConfiguration;

/**
 * The container's own session cookie (Faces keeps view state in the session): HttpOnly and cookie-only (web.xml),
 * SameSite=Lax so cross-site POSTs arrive without it, and Secure — then named {@code __Host-JSESSIONID} — whenever
 * the token cookies are.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    public static final String NAME = "__Host-JSESSIONID";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig config = event.getServletContext().getSessionCookieConfig();
        boolean secure;
        try {
            secure = CookieConfiguration.read(ConfigValues.of(ConfigProvider.getConfig())).secure();
        } catch (IllegalStateException e) {
            secure = true; // a bad cookie setting: Startup refuses the deployment with its one-line reason
        }
        config.setHttpOnly(true);
        config.setSecure(secure);
        config.setAttribute("SameSite", "Lax");
        if (secure) {
            // the session carries the forms' CSRF state: __Host- means Secure, Path=/, no Domain, by the browser's rule
            config.setName(NAME);
            config.setPath("/");
        }
    }
}
