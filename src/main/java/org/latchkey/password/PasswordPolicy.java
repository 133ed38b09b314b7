package org.latchkey.password;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;

/**
 * What Django's default validators check — length, similarity to the person's name and email, commonness, all
 * digits — with zxcvbn4j's dictionaries and estimate for "common" and "easy to guess". Each message says what to
 * change. Thread-safe: zxcvbn keeps no state between measurements.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;
    /** zxcvbn's estimate grows quadratically with length; a longer password is judged by its start. */
    private static final int MEASURED_LENGTH = 100;
    private static final double MAX_SIMILARITY = 0.7;

    /**
     * Built at the first measurement, not with the bean: zxcvbn reads its dictionaries when built (~0.3 s), and a
     * field initialiser would run for Weld's client proxy too — at start-up, and twice.
     */
    private static final class Dictionaries {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }

    /**
     * @param attributes what the password must not resemble, by the bundle key of its name, e.g.
     *                   {@code "attribute.first_name" -> "Ada"}
     */
    /** The problems of a password for a person with these names and this address (the registration form's rule). */
    public List<Text> problems(String password, String firstName, String lastName, String email) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        attributes.put("attribute.first_name", firstName);
        attributes.put("attribute.last_name", lastName);
        attributes.put("attribute.email", email);
        return problems(password, attributes);
    }

    public List<Text> problems(String password, Map<String, String> attributes) {
        List<Text> problems = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            problems.add(Text.of("password.tooShort", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) {
            problems.add(Text.of("password.tooLong", MAX_LENGTH));
            return problems;
        }
        if (!password.isEmpty() && password.chars().allMatch(Character::isDigit)) {
            problems.add(Text.of("password.numeric"));
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (similar(password, attribute.getValue())) {
                problems.add(Text.of("password.similar", Text.of(attribute.getKey())));
                break;
            }
        }
        if (password.length() >= MIN_LENGTH && problems.isEmpty()) {
            String measured = password.length() > MEASURED_LENGTH ? password.substring(0, MEASURED_LENGTH) : password;
            Strength strength = Dictionaries.ZXCVBN.measure(measured, new ArrayList<>(attributes.values()));
            if (isCommon(strength, measured.length())) {
                problems.add(Text.of("password.common"));
            } else if (strength.getScore() < 2) {
                Feedback feedback = strength.getFeedback();
                problems.add(Text.of("password.easy", (Text.Localized) locale -> advice(feedback, locale)));
            }
        }
        return problems;
    }

    /** zxcvbn's own warning and suggestions, in its translation for the reader's language. */
    private static String advice(Feedback feedback, Locale locale) {
        String warning = feedback.getWarning(locale);
        List<String> suggestions = feedback.getSuggestions(locale);
        String said = (warning == null || warning.isEmpty() ? "" : warning + ". ") + String.join(" ", suggestions);
        return said.isBlank() ? Texts.format(Text.of("password.addWord"), locale) : said.strip();
    }

    private static boolean isCommon(Strength strength, int length) {
        for (Match match : strength.getSequence()) {
            if (match.pattern == Pattern.Dictionary && "passwords".equals(match.dictionaryName)
                    && match.i == 0 && match.j == length - 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Like Django's UserAttributeSimilarityValidator: the password resembles the whole attribute or one of its
     * parts (an email splits into local part and domain words) when it mostly consists of it or is within an edit
     * distance that makes them 70 % alike.
     */
    static boolean similar(String password, String attribute) {
        if (attribute == null || attribute.isBlank()) {
            return false;
        }
        String p = password.toLowerCase(Locale.ROOT);
        String whole = attribute.toLowerCase(Locale.ROOT).strip();
        List<String> candidates = new ArrayList<>(List.of(whole));
        candidates.addAll(List.of(whole.split("[^\\p{L}\\p{N}]+")));
        for (String candidate : candidates) {
            if (candidate.length() < 3 || candidate.length() > 256) {
                continue;
            }
            boolean mostlyIt = p.contains(candidate) && candidate.length() * 2 >= p.length();
            if (mostlyIt || (p.length() <= 256 && similarity(p, candidate) >= MAX_SIMILARITY)) {
                return true;
            }
        }
        return false;
    }

    private static double similarity(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return 1.0 - (double) previous[b.length()] / Math.max(a.length(), b.length());
    }
}
