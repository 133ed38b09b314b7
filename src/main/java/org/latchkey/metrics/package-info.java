/**
 * Metrics for the people who run Latchkey: sign-ins, refreshes and every audited event by outcome, the bcrypt
 * bulkhead, live sign-ins and the token check's time, in Prometheus's text format at {@code /metrics} for the holder
 * of {@code latchkey.metrics.token}.
 */
package org.latchkey.metrics;
