/**
 * Every word a person reads comes from one resource bundle, {@code org/latchkey/text/messages.properties}. Services
 * say what to tell the person as a {@link org.latchkey.text.Text} (a key and its arguments), never as English;
 * pages and backing beans turn it into words in the reader's language. Another language is one more bundle file,
 * {@code messages_<language>.properties}: {@link org.latchkey.text.Texts} picks it for browsers that ask for it.
 */
package org.latchkey.text;
