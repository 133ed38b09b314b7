/**
 * The security audit trail: one JSON line per event on the {@code latchkey.audit} logger, with time, event, user
 * UUID when known, client address and outcome — never a password, token or hash.
 */
package org.latchkey.audit;
