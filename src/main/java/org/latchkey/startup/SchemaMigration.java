package org.latchkey.startup;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the current version with Flyway, from the versioned scripts in {@code db/migration}. JPA
 * never generates or drops anything, so an upgrade keeps every account.
 */
@ApplicationScoped
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    /**
     * The names under which servers publish the resource the persistence unit calls {@code jdbc/latchkey}: Payara
     * binds it globally as written, WildFly under {@code java:/}. (An {@code @Resource(lookup = "jdbc/latchkey")}
     * would be read by WildFly as {@code java:comp/env/jdbc/latchkey} and stop the deployment.)
     */
    static final List<String> NAMES = List.of("jdbc/latchkey", "java:/jdbc/latchkey", "java:comp/env/jdbc/latchkey");

    public void migrate() {
        Flyway flyway = SchemaScripts.flyway(SchemaMigration.class.getClassLoader()).dataSource(dataSource()).load();
        MigrateResult result = flyway.migrate();
        // from the result, not flyway.info(), which would scan the scripts and read the history table once more
        LOG.info("Schema at version " + (result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion) + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private static DataSource dataSource() {
        try {
            InitialContext naming = new InitialContext();
            for (String name : NAMES) {
                try {
                    return (DataSource) naming.lookup(name);
                } catch (NamingException notHere) {
                    // try the next server's convention
                }
            }
        } catch (NamingException e) {
            throw new IllegalStateException("No JNDI naming context: " + e.getMessage(), e);
        }
        throw new IllegalStateException("No datasource is bound as " + String.join(" or ", NAMES)
                + ": create the pool and the jdbc/latchkey resource (README, \"The database\")");
    }
}
