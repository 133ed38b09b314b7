package org.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.latchkey.password.PasswordBusyException;

/**
 * Answers a {@link PasswordBusyException}: 503 with {@code Retry-After}, a plain "busy, try again in a moment" page
 * for a browser, {@code {"code":"busy"}} for a JSON client. Written and committed here, so neither the security
 * layer nor an error page turns it into a 401 or a 500; the request is marked, so the login page knows the attempt
 * was never checked (and gives its throttle reservation back).
 */
public final class Busy {

    static final String PAGE = "/errors/busy.html";
    static final String ATTRIBUTE = Busy.class.getName();
    public static final String JSON = "{\"detail\":\"Latchkey is busy checking other sign-ins. Please try again in a moment.\","
            + "\"code\":\"busy\"}";

    private Busy() {
    }

    /** True once this request was answered busy. */
    public static boolean answered(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }

    public static void answer(HttpServletRequest request, HttpServletResponse response) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
        PlainAnswer.unavailable(request, response, PasswordBusyException.RETRY_AFTER_SECONDS, PAGE, JSON);
    }
}
