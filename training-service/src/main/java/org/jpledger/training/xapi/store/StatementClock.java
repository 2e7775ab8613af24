package org.jpledger.training.xapi.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;

/**
 * Stored times of xAPI statements, and how far the store is consistent: a write takes its stored time here before its
 * transaction and gives it back after the commit, so every statement stored before the oldest write still open is
 * visible (X-Experience-API-Consistent-Through). It sees the writes of this instance only: with several instances behind
 * one address, a reader allows for the others' open writes by reading a few seconds behind (docs/xapi.md).
 */
@ApplicationScoped
public class StatementClock {

    private final Clock clock;
    private final TreeMap<Instant, Integer> open = new TreeMap<>();

    public StatementClock(Clock clock) {
        this.clock = clock;
    }

    /** The stored time of a write about to begin; hand it back with {@link #finished} once it has committed or failed. */
    public synchronized Instant begin() {
        // Milliseconds, as statements show it, so that a stored time read from a statement filters exactly.
        Instant stored = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        open.merge(stored, 1, Integer::sum);
        return stored;
    }

    public synchronized void finished(Instant stored) {
        open.computeIfPresent(stored, (time, count) -> count == 1 ? null : count - 1);
    }

    /** The time up to which every statement stored here is visible to a read starting now. */
    public synchronized Instant consistentThrough() {
        // A write beginning now takes this millisecond as its stored time, so only the one before is settled.
        Instant settled = clock.instant().truncatedTo(ChronoUnit.MILLIS).minusMillis(1);
        return open.isEmpty() ? settled : open.firstKey().minusMillis(1);
    }
}
