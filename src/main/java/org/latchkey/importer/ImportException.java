package org.latchkey.importer;

/** A reason the import cannot start or go on, in one line for the operator (no stack trace). */
final class ImportException extends Exception {

    ImportException(String message) {
        super(message);
    }

    ImportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A JDBC URL as the report and the messages show it: a password written into it is not printed. */
    static String shown(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1…");
    }

    /** The first line of a driver's or Flyway's message, for a one-line reason. */
    static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
