package org.latchkey.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.latchkey.caller.NotAllowedException;
import org.latchkey.caller.TestCallers;
import org.latchkey.user.TestUsers;
import org.latchkey.user.User;

/** AccountService called directly: only the person themselves, with their auth-host session, changes anything. */
class AccountServiceTest {

    private final TestUsers users = new TestUsers();
    private final TestCallers callers = new TestCallers(users);
    private final AccountService accounts = new AccountService();
    private final User person = users.add(true, false);
    private final User other = users.add(true, false);

    AccountServiceTest() {
        accounts.users = users;
        accounts.sessions = callers.sessions();
        accounts.callers = callers.callers;
        callers.liveFamilies.add("mine:" + person.getUuid());
        callers.liveFamilies.add("theirs:" + other.getUuid());
    }

    @Test
    void changesOnlyForThePersonWithTheirOwnAuthHostSession() {
        String hash = person.getPasswordHash();
        callers.signIn(null);
        assertEquals("not-signed-in", assertThrows(NotAllowedException.class,
                () -> accounts.changePassword("x", "quartz-lantern-meadow-97", "quartz-lantern-meadow-97", "mine")).reason());
        assertEquals("not-signed-in", assertThrows(NotAllowedException.class, () -> accounts.signOutEverywhere("mine")).reason());
        callers.signIn(person.getUuid());
        for (String token : new String[] {null, "", "theirs", "made-up"}) {
            assertEquals("no-auth-host-session", assertThrows(NotAllowedException.class,
                    () -> accounts.changePassword("x", "quartz-lantern-meadow-97", "quartz-lantern-meadow-97", token)).reason());
            assertEquals("no-auth-host-session", assertThrows(NotAllowedException.class,
                    () -> accounts.signOutEverywhere(token)).reason());
        }
        assertEquals(hash, person.getPasswordHash(), "unchanged");
        users.setActive(person.getId(), false);
        assertEquals("not-signed-in", assertThrows(NotAllowedException.class, () -> accounts.signOutEverywhere("mine")).reason());
    }
}
