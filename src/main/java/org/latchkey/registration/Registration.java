package org.latchkey.registration;

/** What the register form sent, field by field (the article's field names). */
public record Registration(String firstName, String lastName, String email, String password, String confirmPassword) {
}
