package org.latchkey.text;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Something to tell the person: a bundle key and its arguments. An argument may itself be a {@code Text} (a field's
 * name inside a sentence) or {@link Localized} (words from a library with its own translations).
 */
public record Text(String key, List<Object> args) {

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, List.of(args));
    }

    /** A length of time as people say it: seconds up to 90, then minutes (rounded up), whole hours from two. */
    public static Text duration(Duration length) {
        long seconds = Math.max(0, (length.toMillis() + 999) / 1000);
        if (seconds <= 90) {
            return of("duration.seconds", seconds);
        }
        if (seconds >= 7200 && seconds % 3600 == 0) {
            return of("duration.hours", seconds / 3600);
        }
        return of("duration.minutes", (seconds + 59) / 60);
    }

    /** Words a library translates itself, asked for in the reader's language. */
    @FunctionalInterface
    public interface Localized {
        String in(Locale locale);
    }
}
