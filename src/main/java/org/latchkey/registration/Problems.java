package org.latchkey.registration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latchkey.text.Text;

/** Messages collected by form field, in the order found. */
final class Problems {

    private final Map<String, List<Text>> byField = new LinkedHashMap<>();

    void add(String field, Text message) {
        byField.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    boolean isEmpty() {
        return byField.isEmpty();
    }

    Map<String, List<Text>> byField() {
        return byField;
    }
}
