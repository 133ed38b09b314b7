package org.latchkey.storage;

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

    /**
     * True when {@code failure}, or anything it was caused by, says the database cannot be reached: a connection
     * failure (SQLState class 08, JDBC's connection exceptions, PostgreSQL's "shutting down" / "too many connections",
     * H2's broken or closed connection), the network under it (refused, reset, timed out), or a pool that gives out
     * no connection (Payara's "Error in allocating a connection", WildFly's IJ000453). Anything else — a unique
     * violation, a bad statement, a bug — is not the database being away, and is not answered as if it were.
     */
    public static boolean isCause(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLRecoverableException || t instanceof java.net.SocketException
                    || t instanceof java.net.SocketTimeoutException || t instanceof java.net.UnknownHostException
                    || t instanceof java.io.EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && away(sql.getSQLState())) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            if (t.getClass().getName().endsWith(".ResourceException") || message.contains("Error in allocating a connection")
                    || message.contains("IJ000453") || message.contains("Unable to get managed connection")) {
                return true;
            }
        }
        return false;
    }

    /** SQLStates that mean "cannot reach the database" (not "the statement or the data was wrong"). */
    private static boolean away(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
                || state.equals("57P03") || state.equals("53300") || state.equals("90067") || state.equals("90098")
                || state.equals("90028") || state.equals("90031"));
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
