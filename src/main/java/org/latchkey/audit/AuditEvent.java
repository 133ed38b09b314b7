package org.latchkey.audit;

/** What was audited, for whoever counts events (the metrics): the event and its outcome, nobody's identity. */
public record AuditEvent(String event, String outcome) {
}
