package org.latchkey.support;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One Set-Cookie header, parsed: name, value and attributes (names case-insensitive). */
public record SetCookie(String name, String value, Map<String, String> attributes) {

    public static SetCookie parse(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        Map<String, String> attributes = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].strip();
            int at = part.indexOf('=');
            attributes.put(at < 0 ? part : part.substring(0, at), at < 0 ? "" : part.substring(at + 1));
        }
        return new SetCookie(parts[0].substring(0, eq).strip(), parts[0].substring(eq + 1).strip(), attributes);
    }

    public boolean has(String attribute) {
        return attributes.containsKey(attribute);
    }

    public String attribute(String name) {
        return attributes.get(name);
    }

    public boolean deletes() {
        return "0".equals(attribute("Max-Age")) || value.isEmpty();
    }

    public String domain() {
        String domain = attribute("Domain");
        return domain == null ? null : domain.toLowerCase(Locale.ROOT);
    }
}
