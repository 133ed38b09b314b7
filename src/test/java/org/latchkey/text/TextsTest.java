package org.latchkey.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TextsTest {

    private static final Locale ESPERANTO = Locale.forLanguageTag("eo");

    @Test
    void aBrowserGetsTheFirstOfItsLanguagesThatHasABundle() {
        assertEquals(ESPERANTO, Texts.choose(locales("fr", "eo", "en")), "fr has no bundle, eo has one");
        assertEquals(Locale.ENGLISH, Texts.choose(locales("en-GB", "eo")));
        assertEquals(Locale.ENGLISH, Texts.choose(locales("fr", "zz")), "none has a bundle: English");
        assertEquals(Locale.ENGLISH, Texts.choose(locales()));
    }

    @Test
    void aNewBundleIsAllAnotherLanguageNeedsAndMissingKeysFallBackToEnglish() {
        assertEquals("Ensaluti", Texts.format(Text.of("login.title"), ESPERANTO));
        assertEquals("Tiu pasvorto estas tro mallonga: almenaŭ 8 signoj.", Texts.format(Text.of("password.tooShort", 8), ESPERANTO));
        assertEquals("Create an account", Texts.format(Text.of("register.title"), ESPERANTO), "not yet translated: English");
    }

    @Test
    void argumentsAreTranslatedToo() {
        assertEquals("This password is too similar to your email address. Choose one that does not contain it.",
                Texts.format(Text.of("password.similar", Text.of("attribute.email")), Locale.ENGLISH));
        assertEquals("Too many failed sign-in attempts. Please wait 1 second and try again.",
                Texts.format(Text.of("login.throttled", Text.of("duration.seconds", 1)), Locale.ENGLISH));
        assertEquals("Too many failed sign-in attempts. Please wait 42 seconds and try again.",
                Texts.format(Text.of("login.throttled", Text.of("duration.seconds", 42)), Locale.ENGLISH));
        assertEquals("This password is too easy to guess. said in eo",
                Texts.format(Text.of("password.easy", (Text.Localized) l -> "said in " + l), ESPERANTO));
        assertEquals("Sorry, that email address is already taken. Are you sure you don't want to log in instead?",
                Texts.format(Text.of("register.emailTaken"), Locale.ENGLISH), "no MessageFormat without arguments");
    }

    /** Every key a page or a class names exists in the English bundle — a typo would show the reader "???key???". */
    @Test
    void everyKeyInUseIsInTheBundle() throws IOException {
        ResourceBundle english = ResourceBundle.getBundle(Texts.BUNDLE, Locale.ROOT);
        List<String> used = new ArrayList<>();
        collect(Path.of("src/main/webapp"), ".xhtml", Pattern.compile("text\\['([^']+)'\\]"), used);
        collect(Path.of("src/main/java"), ".java", Pattern.compile("Text\\.of\\(\"([^\"]+)\""), used);
        for (String field : List.of("first_name", "last_name")) {
            for (String problem : List.of("required", "tooLong", "unprintable")) {
                used.add("register." + field + "." + problem); // built from the field name in RegistrationService
            }
            used.add("attribute." + field);
        }
        assertTrue(used.size() > 80, "found the keys in use: " + used.size());
        List<String> missing = used.stream().filter(k -> !k.endsWith(".")).filter(k -> !english.containsKey(k)).distinct().toList();
        assertEquals(List.of(), missing);
    }

    private static void collect(Path root, String suffix, Pattern key, List<String> into) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    into.add(m.group(1));
                }
            }
        }
    }

    private static Iterator<Locale> locales(String... tags) {
        return Stream.of(tags).map(Locale::forLanguageTag).iterator();
    }
}
