package org.latchkey.startup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Where Latchkey's schema scripts are and which table records them: the one definition read by the server at start-up
 * ({@link SchemaMigration}), the import command and the upgrade tests. Plain Java, so the import command carries it.
 */
public final class SchemaScripts {

    private SchemaScripts() {
    }

    /** Flyway set up for Latchkey's scripts; the caller adds the database. */
    public static FluentConfiguration flyway(ClassLoader loader) {
        return Flyway.configure(loader).locations("classpath:db/migration").table("latchkey_schema_history");
    }
}
