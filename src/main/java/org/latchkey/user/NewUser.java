package org.latchkey.user;

/** A registration that passed validation; the password is already hashed. */
public record NewUser(String email, String firstName, String lastName, String passwordHash) {
}
