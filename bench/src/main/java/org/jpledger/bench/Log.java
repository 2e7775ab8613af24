package org.jpledger.bench;

import java.io.PrintStream;
import java.time.Duration;

/** The run's console output: what each phase does and the figures as they come, with the time since the start. */
final class Log {

    private final PrintStream out;
    private final long started = System.nanoTime();
    private volatile String phase = "start";

    Log(PrintStream out) {
        this.out = out;
    }

    void phase(String format, Object... args) {
        phase = format.formatted(args);
        synchronized (this) {
            out.println();
        }
        print("== " + format.formatted(args));
    }

    void step(String format, Object... args) {
        print("   " + format.formatted(args));
    }

    void figure(String key, String format, Object... args) {
        print(" * " + key + ": " + format.formatted(args));
    }

    void warn(String format, Object... args) {
        print(" ! " + format.formatted(args));
    }

    /** The phase under way. */
    String currentPhase() {
        return phase;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private synchronized void print(String line) {
        long s = elapsed().toSeconds();
        out.printf("[%02d:%02d:%02d]%s%n", s / 3600, (s / 60) % 60, s % 60, line);
        out.flush();
    }
}
