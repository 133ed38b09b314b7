package org.latchkey.user;

/**
 * A registration that passed validation; the password is already hashed.
 *
 * @param emailVerified whether the address counts as proven already (the first superuser's, or registration with
 *                      verification off — then false, and the token says so)
 */
public record NewUser(String email, String firstName, String lastName, String passwordHash, boolean emailVerified) {
}
