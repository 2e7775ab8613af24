package org.jpledger.bench.read;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The read benchmark's progress lines on standard error, with the time of day: what it loads, starts and times, and
 * the figures as they come. (Plain output on purpose: the benchmark's classpath may hold several logging back-ends.)
 */
final class Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final PrintStream OUT = System.err;

    private final String name;

    private Progress(String name) {
        this.name = name;
    }

    static Progress of(Class<?> owner) {
        return new Progress(owner.getSimpleName());
    }

    void info(String message) {
        synchronized (OUT) {
            OUT.println(LocalTime.now().format(TIME) + " [" + name + "] " + message);
            OUT.flush();
        }
    }

    /** {@code format} with {@code {}} placeholders filled in order. */
    void info(String format, Object... args) {
        StringBuilder text = new StringBuilder();
        int from = 0;
        for (Object arg : args) {
            int at = format.indexOf("{}", from);
            if (at < 0) {
                break;
            }
            text.append(format, from, at).append(arg instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : arg);
            from = at + 2;
        }
        info(text.append(format.substring(from)).toString());
    }

    void warn(String format, Object... args) {
        info("WARNING: " + format, args);
    }
}
