package org.jpledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of what the API answered in a phase, and the first few unexpected answers verbatim. A benchmark whose requests
 * fail measures nothing, so more than {@link #TOLERATED} unexpected answers fail the run.
 */
final class Outcomes {

    static final int TOLERATED = 5;

    private final String phase;
    final AtomicLong expected = new AtomicLong();
    final AtomicLong unexpected = new AtomicLong();
    private final List<String> samples = new ArrayList<>();

    Outcomes(String phase) {
        this.phase = phase;
    }

    void ok(long n) {
        expected.addAndGet(n);
    }

    void unexpected(long n, String what) {
        unexpected.addAndGet(n);
        synchronized (samples) {
            if (samples.size() < 10) {
                samples.add(what);
            }
        }
    }

    boolean tooMany() {
        return unexpected.get() > TOLERATED;
    }

    /** Throws when more than a handful went wrong. */
    void check() {
        if (tooMany()) {
            throw new BenchmarkFailure(phase + ": " + unexpected.get() + " unexpected answers (at most " + TOLERATED
                    + " tolerated); the first: " + String.join(" | ", samples));
        }
    }

    /** A sentence for the notes: all expected, or how many were not and what the first was. */
    String summary() {
        if (unexpected.get() == 0) {
            return "all " + String.format("%,d", expected.get()) + " answers as expected";
        }
        synchronized (samples) {
            return String.format("%,d as expected, %,d NOT (first: %s)", expected.get(), unexpected.get(),
                    samples.isEmpty() ? "?" : Http.abbreviate(samples.get(0)));
        }
    }

    /** The run stops: a phase's requests failed beyond the tolerance, or the system broke. */
    static final class BenchmarkFailure extends RuntimeException {
        BenchmarkFailure(String message) {
            super(message);
        }
    }
}
