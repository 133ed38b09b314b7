package org.latchkey.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Silent refreshes in a row, kept in a small host-only cookie: {@code <count>-<epoch second of the first>}. A service
 * that never receives the access cookie (plain http while cookies are Secure, a host outside the cookie domain)
 * sends the browser back to the login page at once, which refreshes and sends it back again: past
 * {@link #LIMIT} refreshes within {@link #WINDOW} the login page shows its form, with a word on why, instead of
 * looping. A real person's tabs refresh every few minutes, far below that.
 */
record RefreshLoop(int count, long firstSecond) {

    static final int LIMIT = 3;
    static final Duration WINDOW = Duration.ofSeconds(30);

    static RefreshLoop read(Optional<String> cookie) {
        try {
            return cookie.filter(v -> v.matches("\\d{1,3}-\\d{1,12}")).map(v -> v.split("-"))
                    .map(parts -> new RefreshLoop(Integer.parseInt(parts[0]), Long.parseLong(parts[1])))
                    .orElse(new RefreshLoop(0, 0));
        } catch (NumberFormatException e) {
            return new RefreshLoop(0, 0);
        }
    }

    private boolean recent(Instant now) {
        return now.getEpochSecond() - firstSecond <= WINDOW.toSeconds();
    }

    boolean looping(Instant now) {
        return count >= LIMIT && recent(now);
    }

    /** The counter after one more silent refresh now. */
    RefreshLoop next(Instant now) {
        return recent(now) && count > 0 ? new RefreshLoop(count + 1, firstSecond) : new RefreshLoop(1, now.getEpochSecond());
    }

    String value() {
        return count + "-" + firstSecond;
    }
}
