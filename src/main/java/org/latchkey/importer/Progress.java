package org.latchkey.importer;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * The import's progress on standard error: in a terminal a bar redrawn in place (at most ten times a second), else a
 * line at each tenth, so a log shows it too.
 */
final class Progress implements IntConsumer {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long done;
    private long drawnAt;
    private long lastTenth = -1;

    Progress(PrintStream out, long total, boolean terminal) {
        this.out = out;
        this.total = total;
        this.terminal = terminal;
    }

    @Override
    public void accept(int more) {
        done += more;
        long now = System.nanoTime();
        if (terminal) {
            if (done >= total || now - drawnAt > 100_000_000L) {
                drawnAt = now;
                out.print("\r" + line(now));
                if (done >= total) {
                    out.println();
                }
                out.flush();
            }
        } else {
            long tenth = total == 0 ? 10 : done * 10 / total;
            if (tenth != lastTenth) {
                lastTenth = tenth;
                out.println(line(now));
            }
        }
    }

    private String line(long now) {
        int filled = total == 0 ? WIDTH : (int) (done * WIDTH / total);
        double seconds = (now - started) / 1e9;
        return String.format("[%s%s] %,d/%,d people %3d%% %,.0f/s", "#".repeat(filled), "-".repeat(WIDTH - filled), done,
                total, total == 0 ? 100 : done * 100 / total, seconds > 0 ? done / seconds : 0);
    }
}
