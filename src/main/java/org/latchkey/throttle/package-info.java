/**
 * Brute-force throttling without lockout: failed logins are counted per account (unknown emails included) and per
 * client address; past a threshold each further attempt must wait, with exponential backoff up to a cap. Nothing is
 * ever locked for good, and one account's failures never slow another account down. The counts live behind
 * {@link org.latchkey.throttle.AttemptStore} so a shared store can replace the in-memory one.
 */
package org.latchkey.throttle;
