package org.latchkey.consumer;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Settings read as the text the operator wrote and parsed here, so a value no converter understands ({@code 5m},
 * {@code banana}) stops the deployment with one line instead of being replaced by a server's default. Remembers
 * every name it was asked for: the settings test compares that list with the README's tables.
 */
public final class ConfigValues {

    private final Function<String, Optional<String>> source;
    private final Set<String> names = new LinkedHashSet<>();

    private ConfigValues(Function<String, Optional<String>> source) {
        this.source = source;
    }

    public static ConfigValues of(Config config) {
        return new ConfigValues(name -> config.getOptionalValue(name, String.class));
    }

    public static ConfigValues of(Map<String, String> values) {
        return new ConfigValues(name -> Optional.ofNullable(values.get(name)));
    }

    /** The names read so far, in order. */
    public Set<String> names() {
        return Set.copyOf(names);
    }

    /** The environment variable MicroProfile Config maps to {@code name}: {@code latchkey.jwt.leeway} → {@code LATCHKEY_JWT_LEEWAY}. */
    public static String environmentName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The value, stripped; empty when unset or blank. */
    public Optional<String> text(String name) {
        names.add(name);
        return source.apply(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The value exactly as configured (a password may start or end with a space); empty when unset or empty. */
    public Optional<String> source(String name) {
        names.add(name);
        return source.apply(name).filter(v -> !v.isEmpty());
    }

    public String text(String name, String defaultValue) {
        return text(name).orElse(defaultValue);
    }

    public Duration duration(String name, String defaultValue) {
        String raw = text(name, defaultValue);
        try {
            return Duration.parse(raw);
        } catch (DateTimeParseException e) {
            throw refused(name, raw, "an ISO-8601 duration such as " + defaultValue + " (PT30S, PT15M, P5D)");
        }
    }

    public int integer(String name, int defaultValue, int min, int max) {
        String raw = text(name, String.valueOf(defaultValue));
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused(name, raw, "a whole number from " + min + " to " + max + " (default " + defaultValue + ")");
    }

    public boolean bool(String name, boolean defaultValue) {
        String raw = text(name, String.valueOf(defaultValue));
        if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(raw);
        }
        throw refused(name, raw, "true or false (default " + defaultValue + ")");
    }

    /** A comma-separated list, entries stripped, empty entries dropped. */
    public List<String> list(String name, String defaultValue) {
        return Arrays.stream(text(name, defaultValue).split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The one-line refusal every setting uses: the property, its environment variable, the value, what to set. */
    public static IllegalStateException refused(String name, String value, String expected) {
        return new IllegalStateException(name + " (" + environmentName(name) + ") is '" + value + "'; set " + expected + ".");
    }
}
