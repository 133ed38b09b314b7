/**
 * Password hashing and the password policy. {@link org.latchkey.password.PasswordHasher} is the only class that
 * imports jBCrypt; the policy leans on zxcvbn4j for "too common / too easy to guess".
 */
package org.latchkey.password;
