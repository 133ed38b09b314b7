package org.latchkey.importer;

/** A reason the import cannot start or go on, in one line for the operator (no stack trace). */
final class ImportException extends Exception {

    ImportException(String message) {
        super(message);
    }

    ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
