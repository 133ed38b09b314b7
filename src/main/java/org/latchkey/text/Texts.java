package org.latchkey.text;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The reader's language and the words in it. The language is the first of the browser's preferred languages that
 * has a bundle (English when none has), so adding {@code messages_de.properties} is all German needs; the layout
 * sets it on every view ({@code <f:view locale="#{texts.locale}">}).
 */
@Named
@RequestScoped
public class Texts {

    public static final String BUNDLE = "org.latchkey.text.messages";

    @Inject
    FacesContext faces;

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            locale = choose(faces.getExternalContext().getRequestLocales());
        }
        return locale;
    }

    public static Locale choose(Iterator<Locale> preferred) {
        while (preferred.hasNext()) {
            String language = preferred.next().getLanguage();
            if (language.equals("en")) {
                return Locale.ENGLISH;
            }
            if (!language.isEmpty() && Texts.class.getResource("messages_" + language + ".properties") != null) {
                return Locale.forLanguageTag(language);
            }
        }
        return Locale.ENGLISH;
    }

    public String get(Text text) {
        return format(text, getLocale());
    }

    public String get(String key, Object... args) {
        return get(Text.of(key, args));
    }

    public FacesMessage error(Text text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, get(text), null);
    }

    public FacesMessage info(Text text) {
        return new FacesMessage(FacesMessage.SEVERITY_INFO, get(text), null);
    }

    public FacesMessage warn(Text text) {
        return new FacesMessage(FacesMessage.SEVERITY_WARN, get(text), null);
    }

    /**
     * A sentence with arguments follows {@link MessageFormat} (so {@code ''} is an apostrophe there); one without is
     * used as written, like the page texts.
     */
    public static String format(Text text, Locale locale) {
        String pattern = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)).getString(text.key());
        if (text.args().isEmpty()) {
            return pattern;
        }
        Object[] args = text.args().stream().map(a -> a instanceof Text t ? format(t, locale)
                : a instanceof Text.Localized l ? l.in(locale) : a).toArray();
        return new MessageFormat(pattern, locale).format(args);
    }
}
