package org.latchkey.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.logging.Logger;

/** Writes audit events; route the {@code latchkey.audit} logger to its own file in the server's logging set-up. */
@ApplicationScoped
public class Audit {

    public static final String LOGGER = "latchkey.audit";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    /** Looked up once: {@code Json.createObjectBuilder()} asks the {@code ServiceLoader} on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public void event(String event, String userUuid, String client, String outcome) {
        event(event, userUuid, client, outcome, null);
    }

    /** @param actorUuid who did it to {@code userUuid}, when that is someone else (a superuser) */
    public void event(String event, String userUuid, String client, String outcome, String actorUuid) {
        JsonObjectBuilder line = JSON.createObjectBuilder().add("time", Instant.now().toString()).add("event", event);
        if (actorUuid != null) {
            line.add("actor", actorUuid);
        }
        if (userUuid != null) {
            line.add("user", userUuid);
        }
        if (client != null) {
            line.add("client", client);
        }
        LOG.info(line.add("outcome", outcome).build().toString());
    }
}
