/**
 * Mail: letters composed from the message bundle, sent off the request thread (retried, audited) through the
 * server's Jakarta Mail session {@code mail/latchkey}, an SMTP server from the settings, or — with neither — written
 * to the outbox folder in the data directory; an hourly limit per address that every instance counts the same.
 */
package org.latchkey.mail;
