package org.jpledger.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Timings recorded from many threads into an HdrHistogram (microsecond resolution, up to an hour, 3 digits). */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(TimeUnit.HOURS.toMicros(1), 3);

    /** Records the time from {@code startNanos} to {@code endNanos}. */
    void record(long startNanos, long endNanos) {
        recordMicros(Math.max(1, (endNanos - startNanos) / 1_000));
    }

    void recordMicros(long micros) {
        histogram.recordValue(Math.min(Math.max(1, micros), histogram.getHighestTrackableValue()));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** Percentiles in milliseconds; null when nothing was recorded. */
    Latency toLatency() {
        if (histogram.getTotalCount() == 0) {
            return null;
        }
        return new Latency(ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(95)),
                ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()), histogram.getTotalCount());
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
