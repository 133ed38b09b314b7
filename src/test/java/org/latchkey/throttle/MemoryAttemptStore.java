package org.latchkey.throttle;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The store's contract in a map, for the throttle's arithmetic; the database store is tested on a real server. */
final class MemoryAttemptStore implements AttemptStore {

    private record Entry(Failures failures, Instant forgetAt) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    /** How many times a count was read (and, in the database, its row locked). */
    int holds;

    @Override
    public synchronized Failures hold(String key, Instant now) {
        holds++;
        Entry entry = entries.get(key);
        return entry == null || entry.forgetAt().isBefore(now) ? Failures.NONE : entry.failures();
    }

    @Override
    public synchronized void put(String key, Failures failures, Instant forgetAt) {
        entries.put(key, new Entry(failures, forgetAt));
    }

    @Override
    public synchronized int purge(Instant now) {
        int before = entries.size();
        entries.values().removeIf(e -> e.forgetAt().isBefore(now));
        return before - entries.size();
    }

    @Override
    public synchronized long size() {
        return entries.size();
    }
}
