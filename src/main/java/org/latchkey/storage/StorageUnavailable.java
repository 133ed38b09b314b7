package org.latchkey.storage;

import jakarta.persistence.PersistenceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Logger;
import org.latchkey.web.PlainAnswer;

/**
 * Recognises a database failure in whatever the container, JPA or the transaction manager wrapped it in, and
 * answers it: 503, {@code Retry-After}, a page that says what is wrong in plain words. The response is written and
 * committed here, so neither the security layer nor an error page can turn it into a 401 or a 500 afterwards.
 */
public final class StorageUnavailable {

    static final int RETRY_AFTER_SECONDS = 30;
    static final String PAGE = "/errors/503.html";
    static final String JSON = "{\"detail\":\"Latchkey cannot reach its database. Please try again in a minute.\","
            + "\"code\":\"storage_unavailable\"}";

    private static final Logger LOG = Logger.getLogger(StorageUnavailable.class.getName());

    private StorageUnavailable() {
    }

    /** True when {@code failure}, or anything it was caused by, is a JDBC or JPA failure. */
    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof PersistenceException) {
                return true;
            }
        }
        return false;
    }

    /** Writes the 503 (the caller has not written a body yet) and logs one line, not a stack trace. */
    public static void answer(HttpServletRequest request, HttpServletResponse response, Throwable failure) {
        LOG.warning(() -> "Database unavailable, answered 503 to " + request.getMethod() + " " + request.getRequestURI()
                + ": " + innermost(failure));
        PlainAnswer.unavailable(request, response, RETRY_AFTER_SECONDS, PAGE, JSON);
    }

    private static String innermost(Throwable failure) {
        Throwable t = failure;
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        while (t.getCause() != null && seen.put(t, true) == null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
