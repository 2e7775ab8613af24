package org.jpledger.bench.read;

import org.HdrHistogram.Histogram;
import org.jpledger.bench.Latency;

/** Latencies recorded in microseconds into HdrHistogram, read back as milliseconds. */
final class Percentiles {

    /** Up to an hour per operation, 3 significant digits. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private Percentiles() {
    }

    static Histogram histogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    /** Records a duration measured with {@link System#nanoTime()}. */
    static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.max(1, Math.min(HIGHEST_MICROS, nanos / 1_000)));
    }

    static Latency latency(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            throw new IllegalStateException("no operation was timed");
        }
        return new Latency(ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()), histogram.getTotalCount());
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
