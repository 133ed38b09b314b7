package org.latchkey.user;

/** Another account already has this email (case-insensitively); raised by the database's unique constraint. */
public class EmailTakenException extends Exception {
    public EmailTakenException() {
        super("email already registered");
    }
}
