package org.latchkey.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latchkey.password.PasswordHasher;
import org.latchkey.password.PasswordPolicy;
import org.latchkey.session.SessionService;
import org.latchkey.text.Text;
import org.latchkey.user.User;
import org.latchkey.user.UserService;

/** The signed-in person's own changes: a new password (which ends their other sign-ins), signing out everywhere. */
@ApplicationScoped
public class AccountService {

    public static final String CURRENT_PASSWORD = "current_password";
    public static final String NEW_PASSWORD = "new_password";
    public static final String CONFIRM_PASSWORD = "confirm_password";

    @Inject
    UserService users;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    SessionService sessions;

    /**
     * Checks the current password and the new one; on success stores it and ends every other sign-in of this
     * person (the one identified by {@code refreshToken} stays).
     *
     * @return problems by form field; empty when the password was changed
     */
    public Map<String, List<Text>> changePassword(String uuid, String current, String next, String confirm,
                                                   String refreshToken) {
        Map<String, List<Text>> problems = new LinkedHashMap<>();
        User user = users.findByUuid(uuid).filter(User::isActive).orElse(null);
        if (user == null) {
            add(problems, CURRENT_PASSWORD, Text.of("account.cannotChange"));
            return problems;
        }
        if (current == null || !hasher.verify(current, user.getPasswordHash())) {
            add(problems, CURRENT_PASSWORD, Text.of("account.currentWrong"));
        }
        String candidate = next == null ? "" : next;
        if (candidate.isEmpty()) {
            add(problems, NEW_PASSWORD, Text.of("account.newRequired"));
        } else {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("attribute.first_name", user.getFirstName());
            attributes.put("attribute.last_name", user.getLastName());
            attributes.put("attribute.email", user.getEmail());
            policy.problems(candidate, attributes).forEach(p -> add(problems, NEW_PASSWORD, p));
        }
        if (!candidate.equals(confirm == null ? "" : confirm)) {
            add(problems, CONFIRM_PASSWORD, Text.of("account.mismatch"));
        }
        if (problems.isEmpty()) {
            users.replacePasswordHash(user.getId(), hasher.hash(candidate));
            sessions.endOtherSessions(user.getId(), refreshToken);
        }
        return problems;
    }

    /** Ends every sign-in of this person, this one included. */
    public void signOutEverywhere(String uuid) {
        users.findByUuid(uuid).ifPresent(user -> sessions.endAllSessions(user.getId()));
    }

    private static void add(Map<String, List<Text>> problems, String field, Text message) {
        problems.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
