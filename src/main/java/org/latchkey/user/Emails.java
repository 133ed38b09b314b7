package org.latchkey.user;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email syntax and the case-insensitive key; roughly what Django's EmailValidator accepts, ASCII only. */
public final class Emails {

    public static final int MAX_LENGTH = 254;
    private static final Pattern VALID = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private Emails() {
    }

    public static boolean isValid(String email) {
        return email != null && email.length() <= MAX_LENGTH && VALID.matcher(email).matches();
    }

    /** The form two spellings of one address share: trimmed and lower-cased. */
    public static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
