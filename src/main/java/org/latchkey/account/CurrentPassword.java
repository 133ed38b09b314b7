package org.latchkey.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.latchkey.password.PasswordHasher;
import org.latchkey.text.Text;
import org.latchkey.throttle.LoginThrottle;
import org.latchkey.throttle.ThrottleSettings;
import org.latchkey.user.User;

/**
 * "Type your current password" before a change: the same question a login asks, so it is throttled like one — per
 * person, with the account's threshold and backoff — or a stolen session would guess the password at bcrypt speed.
 */
@ApplicationScoped
public class CurrentPassword {

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    ThrottleSettings settings;

    /** Empty when {@code password} is this person's; else what to tell them (wrong, or wait). */
    public Optional<Text> problem(User user, String password) {
        return problem(user, password, Text.of("account.currentWrong"));
    }

    /** As {@link #problem(User, String)}, saying {@code wrong} for a wrong password (the same budget of guesses). */
    public Optional<Text> problem(User user, String password, Text wrong) {
        Instant now = Instant.now();
        LoginThrottle.Attempt attempt = throttle.begin("current-password", String.valueOf(user.getId()),
                settings.accountFailures(), now);
        if (!attempt.admitted()) {
            return Optional.of(Text.of("account.currentThrottled",
                    Text.duration(Duration.ofSeconds(LoginThrottle.seconds(attempt.waiting().get())))));
        }
        boolean right;
        try {
            right = password != null && hasher.verify(password, user.getPasswordHash());
        } catch (org.latchkey.password.PasswordBusyException busy) {
            throttle.succeeded(attempt, now); // never checked: no guess to count
            throw busy;
        }
        if (!right) {
            return Optional.of(wrong);
        }
        throttle.succeeded(attempt, now);
        return Optional.empty();
    }
}
