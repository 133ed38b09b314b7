package org.latchkey.registration;

import java.time.Duration;

/**
 * Registration rules, from MicroProfile Config.
 *
 * @param verificationRequired {@code latchkey.registration.email-verification=required} (the default): an account
 *                             signs in only after its address is verified, and the form answers the same for a new
 *                             and a taken address; {@code off}: the article's behaviour
 * @param verificationLifetime how long a verification link works; unverified accounts are removed after it
 */
public record RegistrationSettings(boolean verificationRequired, Duration verificationLifetime) {
}
