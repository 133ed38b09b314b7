package org.latchkey.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Messages collected by form field, in the order found. */
final class Problems {

    private final Map<String, List<String>> byField = new LinkedHashMap<>();

    void add(String field, String message) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    Map<String, List<String>> byField() {
        return byField;
    }
}
