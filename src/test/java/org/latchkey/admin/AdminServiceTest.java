package org.latchkey.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.caller.TestCallers;
import org.latchkey.user.TestUsers;
import org.latchkey.user.User;

/**
 * AdminService called directly, as a mapping mistake would let any request call it: it decides for itself, from
 * the container's principal and the user records, never from a role the caller claims (the fake security context
 * says yes to every role).
 */
class AdminServiceTest {

    private final TestUsers users = new TestUsers();
    private final TestCallers callers = new TestCallers(users);
    private final AdminService admin = new AdminService();
    private final User superuser = users.add(true, true);
    private final User person = users.add(true, false);
    private final User victim = users.add(true, false);
    /** Whose pending links a call retired. */
    private final java.util.List<Long> retired = new java.util.ArrayList<>();

    AdminServiceTest() {
        admin.users = users;
        admin.sessions = callers.sessions();
        admin.callers = callers.callers;
        admin.audit = new org.latchkey.audit.Audit();
        admin.links = new org.latchkey.link.EmailLinks() {
            @Override
            public void retirePending(long userId) {
                retired.add(userId);
            }
        };
        callers.liveFamilies.add("su-token:" + superuser.getUuid());
        callers.liveFamilies.add("person-token:" + person.getUuid());
    }

    private static final org.latchkey.user.UserSearch ALL = org.latchkey.user.UserSearch.of(null, null, null);

    private String refusal(ThrowingCall call) {
        return assertThrows(NotAllowedException.class, call::run).reason();
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void refusesEveryoneButASuperuserWithTheAuthHostSession() throws Exception {
        callers.signIn(null);
        assertEquals("not-signed-in", refusal(() -> admin.users("su-token", ALL)));
        assertEquals("not-signed-in", refusal(() -> admin.deactivate(victim.getUuid(), "su-token", "198.51.100.1")));

        callers.signIn(person.getUuid());
        assertEquals("not-superuser", refusal(() -> admin.users("person-token", ALL)));
        assertEquals("not-superuser", refusal(() -> admin.deactivate(victim.getUuid(), "person-token", "198.51.100.1")));
        assertEquals("not-superuser", refusal(() -> admin.reactivate(victim.getUuid(), "person-token", "198.51.100.1")));
        assertEquals("no-auth-host-session", refusal(() -> admin.deactivate(victim.getUuid(), "su-token", "198.51.100.1")),
                "someone else's refresh token proves nothing");

        callers.signIn(superuser.getUuid());
        assertEquals("no-auth-host-session", refusal(() -> admin.users(null, ALL)), "the access token alone");
        assertEquals("no-auth-host-session", refusal(() -> admin.deactivate(victim.getUuid(), null, "198.51.100.1")));
        assertEquals("no-auth-host-session", refusal(() -> admin.deactivate(victim.getUuid(), "person-token", "198.51.100.1")));
        assertTrue(victim.isActive(), "nothing was changed by any refused call");
        assertEquals(java.util.List.of(), retired, "no link retired by a refused call");
        assertTrue(callers.audited.contains("user-deactivated-refused no-auth-host-session"), callers.audited.toString());

        assertEquals(3, admin.users("su-token", ALL).people().size());
        assertTrue(admin.deactivate(victim.getUuid(), "su-token", "198.51.100.1"));
        assertFalse(victim.isActive());
        assertEquals(java.util.List.of(victim.getId()), retired, "deactivation ends the person's pending links");
        assertFalse(admin.deactivate(superuser.getUuid(), "su-token", "198.51.100.1"), "not yourself");
        assertTrue(admin.reactivate(victim.getUuid(), "su-token", "198.51.100.1"));
        assertTrue(victim.isActive());
    }

    @Test
    void aDeactivatedSuperuserIsNobody() throws Exception {
        callers.signIn(superuser.getUuid());
        users.setActive(superuser.getId(), false);
        assertEquals("not-signed-in", refusal(() -> admin.users("su-token", ALL)));
    }
}
