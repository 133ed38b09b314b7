package org.latchkey.consumer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The signed-in person of this request, for pages and services: {@code #{currentUser.signedIn}},
 * {@code #{currentUser.user.email}}. Filled by the authentication mechanism from a verified access token.
 */
@Named
@RequestScoped
public class CurrentUser {

    static final String ATTRIBUTE = LatchkeyUser.class.getName();

    @Inject
    HttpServletRequest request;

    /** Called by the authentication mechanism once the token is verified. */
    public static void set(HttpServletRequest request, LatchkeyUser user) {
        request.setAttribute(ATTRIBUTE, user);
    }

    public Optional<LatchkeyUser> get() {
        Object user = request.getAttribute(ATTRIBUTE);
        return user instanceof LatchkeyUser u ? Optional.of(u) : Optional.empty();
    }

    public boolean isSignedIn() {
        return get().isPresent();
    }

    /** The person, or null when nobody is signed in (for expression language). */
    public LatchkeyUser getUser() {
        return get().orElse(null);
    }
}
