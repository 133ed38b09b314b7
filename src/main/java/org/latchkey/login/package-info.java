/**
 * Signing in and out: the thin {@link org.latchkey.login.LatchkeyAuthenticationMechanism}, the identity store that
 * checks email and password, the login and logout pages, and the rule for which {@code next} URLs are followed.
 */
package org.latchkey.login;
