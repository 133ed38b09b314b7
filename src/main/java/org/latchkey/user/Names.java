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
        } else if (value.codePoints().anyMatch(Names::unprintable)) {
            return Optional.of(Text.of("register." + field + ".unprintable"));
        }
        return Optional.empty();
    }

    /**
     * Control characters, line and paragraph separators, and the bidirectional controls that reorder what follows
     * them: a name is printed in mails and pages, where "Ada\u202Emoc.knab" would show as something else.
     */
    static boolean unprintable(int c) {
        return Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
