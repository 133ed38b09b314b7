package org.latchkey.text;

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

    /** Words a library translates itself, asked for in the reader's language. */
    @FunctionalInterface
    public interface Localized {
        String in(Locale locale);
    }
}
