package org.latchkey.user;

import java.util.Optional;
import org.latchkey.text.Text;

/** First and last names, as registration and the account page take them: Django's 150 characters, printable. */
public final class Names {

    public static final int MAX = 150;

    private Names() {
    }

    /**
     * What is wrong with {@code value} (already stripped) for {@code field} ({@code first_name}, {@code last_name}),
     * or nothing.
     */
    public static Optional<Text> problem(String field, String value) {
        if (value.isEmpty()) {
            return Optional.of(Text.of("register." + field + ".required"));
        } else if (value.length() > MAX) {
            return Optional.of(Text.of("register." + field + ".tooLong", MAX));
        } else if (value.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of(Text.of("register." + field + ".unprintable"));
        }
        return Optional.empty();
    }
}
