package org.latchkey.support;

import java.util.concurrent.Callable;

/** Audit lines are written off the request thread: a test waits for one instead of reading the log once. */
public final class Logs {

    private Logs() {
    }

    /** Whether {@code log} holds {@code text} within 10 s. */
    public static boolean shows(Callable<String> log, String text) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!log.call().contains(text)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
