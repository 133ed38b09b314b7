package org.latchkey.caller;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.latchkey.audit.Audit;
import org.latchkey.session.SessionService;
import org.latchkey.user.UserService;

/**
 * {@link Callers} wired by hand for service tests: whoever {@link #signIn} names is the container's principal, and
 * {@link #liveFamilies} are the refresh tokens (by value) that prove an auth-host session, as {@code "token:uuid"}.
 */
public final class TestCallers {

    private Principal principal;
    public final Set<String> liveFamilies = new HashSet<>();
    public final Callers callers = new Callers();
    public final List<String> audited = new java.util.ArrayList<>();

    public TestCallers(UserService users) {
        callers.users = users;
        callers.security = new SecurityContext() {
            @Override
            public Principal getCallerPrincipal() {
                return principal;
            }

            @Override
            public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
                return Set.of();
            }

            @Override
            public boolean isCallerInRole(String role) {
                return true; // what a mistaken constraint would let through: the service must not care
            }

            @Override
            public boolean hasAccessToWebResource(String resource, String... methods) {
                return true;
            }

            @Override
            public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                                     AuthenticationParameters parameters) {
                throw new UnsupportedOperationException();
            }
        };
        callers.sessions = new SessionService() {
            @Override
            public Optional<String> liveFamily(String rawRefresh, long userId) {
                return users.findById(userId).filter(u -> liveFamilies.contains(rawRefresh + ":" + u.getUuid()))
                        .map(u -> "family-" + rawRefresh);
            }

            @Override
            public int endAllSessions(long userId) {
                return 0;
            }

            @Override
            public int endOtherSessions(long userId, String keepRawRefresh) {
                return 0;
            }
        };
        callers.audit = new Audit() {
            @Override
            public void event(String event, String userUuid, String client, String outcome) {
                audited.add(event + " " + outcome);
            }
        };
        callers.request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) ->
                        method.getName().equals("getRemoteAddr") ? "127.0.0.1" : null);
        callers.clients = new org.latchkey.throttle.Clients(callers.request, new org.latchkey.throttle.ThrottleSettings(5, 50,
                java.time.Duration.ofMinutes(15), java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(15),
                org.latchkey.throttle.TrustedProxies.none()));
    }

    /** The container's principal from now on: a UUID, or null for anonymous. */
    public void signIn(String uuid) {
        principal = uuid == null ? null : () -> uuid;
    }

    public SessionService sessions() {
        return callers.sessions;
    }
}
