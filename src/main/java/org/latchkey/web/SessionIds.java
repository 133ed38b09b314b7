package org.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

/** The server session holds only Faces view state of signed-in pages (the anonymous ones are stateless). */
public final class SessionIds {

    private SessionIds() {
    }

    /** A new id for the session at a change of who is signed in (no fixation); none is created if there was none. */
    public static void renew(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
    }
}
