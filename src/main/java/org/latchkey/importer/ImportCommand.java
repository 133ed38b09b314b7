package org.latchkey.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.latchkey.importer.ImportRules.Line;
import org.latchkey.importer.ImportRules.Plan;
import org.latchkey.importer.LatchkeyDatabase.Action;
import org.latchkey.importer.LatchkeyDatabase.Decision;
import org.latchkey.password.StoredHashes;

/**
 * {@code java -jar target/latchkey-import.jar --from SOURCE [--to JDBC-URL] [--dry-run] [--verified-addresses]}:
 * the people of a Django auth service into Latchkey's database (README, "Switching over from the Django auth
 * service"). Latchkey's database is the one the server would use: PostgreSQL when {@code LATCHKEY_DB_HOST} is set
 * (with {@code LATCHKEY_DB_PORT}, {@code _NAME}, {@code _USER}, {@code _PASSWORD}), else the H2 file in the data
 * directory ({@code -Dlatchkey.data.dir}, {@code LATCHKEY_DATA_DIR}, {@code ~/.latchkey}), which Latchkey must not have
 * open. Exit 0 when done (skips reported), 1 when some people could not be written, 2 when it could not start.
 */
public final class ImportCommand {

    static final String USAGE = "usage: java -jar latchkey-import.jar --from sqlite:PATH | json:PATH | "
            + "jdbc:postgresql://HOST:PORT/DB?user=USER [--to JDBC-URL] [--dry-run] [--verified-addresses] [--progress]";

    /** Held, so that its level stays: the command says what Flyway did in one line of its own. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    private ImportCommand() {
    }

    public static void main(String[] args) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        System.exit(run(args, System.getenv(), System.out, System.err, System.console() != null));
    }

    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err, boolean terminal) {
        String from = null;
        String to = null;
        boolean dryRun = false;
        boolean verified = false;
        boolean bar = terminal;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from" -> from = i + 1 < args.length ? args[++i] : null;
                case "--to" -> to = i + 1 < args.length ? args[++i] : null;
                case "--dry-run" -> dryRun = true;
                case "--verified-addresses" -> verified = true;
                case "--unverified-addresses" -> verified = false; // the default, still accepted
                case "--progress" -> bar = true;
                case "--help", "-h" -> {
                    out.println(USAGE + "\n(README, \"Switching over from the Django auth service\")");
                    return 0;
                }
                default -> {
                    err.println("Unknown argument " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (from == null) {
            err.println("Say where the Django users come from (--from).\n" + USAGE);
            return 2;
        }
        try {
            return new Run(out, err, bar).go(from, to, dryRun, verified, environment);
        } catch (ImportException e) {
            err.println("latchkey-import: " + e.getMessage());
            return 2;
        }
    }

    /** One run of the import, with its report. */
    private record Run(PrintStream out, PrintStream err, boolean bar) {

        int go(String from, String to, boolean dryRun, boolean verified, Map<String, String> environment)
                throws ImportException {
            long started = System.nanoTime();
            Target target = Target.of(to, environment);
            List<DjangoUser> users = DjangoSource.read(from, environment);
            out.printf("Read %,d Django users from %s.%n", users.size(), ImportException.shown(from));
            Plan plan = ImportRules.plan(users, verified);
            try (LatchkeyDatabase latchkey = dryRun && target.h2File().filter(f -> !Files.exists(f)).isPresent()
                    ? LatchkeyDatabase.none(target.url())
                    : LatchkeyDatabase.open(target.url(), target.user(), target.password())) {
                out.println("Latchkey's database: " + ImportException.shown(target.url())
                        + (dryRun ? " (a dry run: nothing is written)" : ""));
                if (!dryRun) {
                    out.println("Latchkey's schema: " + latchkey.migrate());
                }
                latchkey.load();
                List<Decision> decisions = latchkey.decide(plan.people());
                long nextId = latchkey.nextId(decisions);
                List<Line> skipped = new ArrayList<>(plan.skipped());
                List<Line> kept = new ArrayList<>();
                for (Decision decision : decisions) {
                    if (decision.action() == Action.SKIP) {
                        skipped.add(new Line(decision.person().id(), decision.person().label(), decision.why()));
                    } else if (decision.action() == Action.KEPT) {
                        kept.add(new Line(decision.person().id(), decision.person().label(), decision.why()));
                    }
                }
                skipped.sort(Comparator.comparingLong(Line::id));
                List<Line> failed = List.of();
                if (!dryRun) {
                    // the sequence first: a Latchkey started after an interrupted import never gives an imported id
                    latchkey.restartSequence(nextId);
                    failed = latchkey.write(decisions, new Progress(err, decisions.size(), bar));
                    for (Decision refused : latchkey.notWritten()) {
                        decisions.set(decisions.indexOf(refused), new Decision(refused.person(), Action.NOT_WRITTEN, null));
                    }
                    for (Decision meanwhile : latchkey.keptMeanwhile()) {
                        decisions.set(decisions.indexOf(meanwhile), new Decision(meanwhile.person(), Action.KEPT, null));
                        kept.add(new Line(meanwhile.person().id(), meanwhile.person().label(),
                                "changed at Latchkey while the import ran: kept as it is"));
                    }
                }
                report(dryRun, plan, decisions, skipped, kept, failed, nextId, System.nanoTime() - started);
                return failed.isEmpty() ? 0 : 1;
            }
        }

        private void report(boolean dryRun, Plan plan, List<Decision> decisions, List<Line> skipped, List<Line> kept,
                            List<Line> failed, long nextId, long nanos) {
            section("Skipped", skipped);
            section("Noted", plan.noted());
            section("Kept", kept);
            section("Not written", failed);
            Map<Action, Integer> counts = new TreeMap<>();
            Map<String, Integer> schemes = new TreeMap<>();
            for (Decision decision : decisions) {
                counts.merge(decision.action(), 1, Integer::sum);
                if (decision.action() != Action.SKIP && decision.action() != Action.NOT_WRITTEN) {
                    String password = decision.person().password();
                    schemes.merge(StoredHashes.kind(password) == StoredHashes.Kind.CHECKED
                            ? StoredHashes.scheme(password) : "reset link", 1, Integer::sum);
                }
            }
            out.printf("%s %,d, %s %,d; %,d unchanged, %,d kept as changed at Latchkey, %,d skipped%s.%n",
                    dryRun ? "Would add" : "Added", counts.getOrDefault(Action.ADD, 0), dryRun ? "update" : "updated",
                    counts.getOrDefault(Action.UPDATE, 0), counts.getOrDefault(Action.UNCHANGED, 0),
                    counts.getOrDefault(Action.KEPT, 0), skipped.size(),
                    failed.isEmpty() ? "" : String.format(", %,d not written", counts.getOrDefault(Action.NOT_WRITTEN, 0)));
            StringBuilder passwords = new StringBuilder();
            schemes.forEach((scheme, n) -> passwords.append(passwords.length() == 0 ? "" : ", ").append(scheme)
                    .append(' ').append(String.format("%,d", n)));
            out.println("Passwords: " + (passwords.length() == 0 ? "none" : passwords));
            out.printf("The next account registered at Latchkey gets id %,d.%n", nextId);
            double seconds = nanos / 1e9;
            out.printf("%s in %.1f s (%,.0f people/s).%n", dryRun ? "Dry run done" : "Done", seconds,
                    decisions.size() / Math.max(seconds, 1e-3));
        }

        private void section(String title, List<Line> lines) {
            if (lines.isEmpty()) {
                return;
            }
            out.printf("%s (%,d):%n", title, lines.size());
            for (Line line : lines) {
                out.println("  " + line.who() + " — " + line.why());
            }
        }
    }

    /** Latchkey's database, as the server would find it. */
    record Target(String url, String user, String password) {

        /** The file of an embedded H2 database ({@code jdbc:h2:file:PATH}), which opening would create. */
        Optional<Path> h2File() {
            if (!url.startsWith("jdbc:h2:file:")) {
                return Optional.empty();
            }
            String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
            return Optional.of(Path.of(path + ".mv.db"));
        }

        static Target of(String to, Map<String, String> environment) throws ImportException {
            String host = environment.get("LATCHKEY_DB_HOST");
            if (to != null) {
                boolean h2 = to.startsWith("jdbc:h2:");
                return new Target(to, environment.getOrDefault("LATCHKEY_DB_USER", h2 ? "latchkey" : null),
                        environment.getOrDefault("LATCHKEY_DB_PASSWORD", h2 ? "latchkey" : null));
            } else if (host != null && !host.isBlank()) {
                for (String name : List.of("LATCHKEY_DB_NAME", "LATCHKEY_DB_USER", "LATCHKEY_DB_PASSWORD")) {
                    if (environment.getOrDefault(name, "").isBlank()) {
                        throw new ImportException("LATCHKEY_DB_HOST is set but " + name + " is not: set it as for"
                                + " the server (README, \"The database\")");
                    }
                }
                return new Target("jdbc:postgresql://" + host + ":" + environment.getOrDefault("LATCHKEY_DB_PORT", "5432")
                        + "/" + environment.get("LATCHKEY_DB_NAME"), environment.get("LATCHKEY_DB_USER"),
                        environment.get("LATCHKEY_DB_PASSWORD"));
            }
            String dir = System.getProperty("latchkey.data.dir", environment.get("LATCHKEY_DATA_DIR"));
            Path data = dir == null || dir.isBlank() ? Path.of(System.getProperty("user.home"), ".latchkey") : Path.of(dir);
            return new Target("jdbc:h2:file:" + data.toAbsolutePath().resolve("latchkey") + ";WRITE_DELAY=0", "latchkey",
                    "latchkey");
        }
    }
}
