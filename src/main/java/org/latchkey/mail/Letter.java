package org.latchkey.mail;

import java.util.Locale;
import java.util.Optional;
import org.latchkey.text.Text;
import org.latchkey.text.Texts;

/**
 * One mail, composed from the message bundle: {@code mail.<kind>.subject} and {@code mail.<kind>.body}, whose blank
 * lines separate paragraphs. The HTML part says the same as the plain one, with the link as a link.
 *
 * @param kind    what it is for (reset, verify, …): the hourly limit counts per kind and address
 * @param title   the subject line
 * @param userUuid the person it is about, for the audit log; null when there is no account (a notice to a stranger)
 * @param link    the link it carries, for the outbox's log line; empty for notices
 */
public record Letter(String kind, String to, String title, String text, String html, String userUuid,
                     Optional<String> link) {

    /** {0} in the bundle's text is the link (when there is one); the arguments follow from {1}. */
    public static Letter compose(String kind, String to, Locale locale, String userUuid, String link, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = link == null ? "" : link;
        System.arraycopy(args, 0, all, 1, args.length);
        String title = Texts.format(Text.of("mail." + kind + ".subject", Texts.format(Text.of("brand"), locale)),
                locale);
        String body = Texts.format(Text.of("mail." + kind + ".body", all), locale) + "\n\n"
                + Texts.format(Text.of("mail.signature", Texts.format(Text.of("brand"), locale)), locale);
        return new Letter(kind, to, title, body, html(body, link), userUuid, Optional.ofNullable(link));
    }

    private static String html(String body, String link) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">");
        for (String paragraph : body.split("\n\n")) {
            String escaped = escape(paragraph).replace("\n", "<br>");
            if (link != null && !link.isEmpty()) {
                String shown = escape(link);
                escaped = escaped.replace(shown, "<a href=\"" + shown + "\">" + shown + "</a>");
            }
            html.append("<p>").append(escaped).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
