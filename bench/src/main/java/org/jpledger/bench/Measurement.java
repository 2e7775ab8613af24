package org.jpledger.bench;

/**
 * One figure of the benchmark, as it goes into BENCHMARKS.md and the JSON results.
 *
 * @param key          stable identifier, e.g. {@code ingest.batch} or {@code reference.jdbc-batch}
 * @param what         what was measured, in words, e.g. "Batch ingest through POST /api/v1/completions/batch"
 * @param value        the figure, in {@code unit}
 * @param unit         e.g. {@code completions/s}, {@code rows/s}, {@code ms}, {@code MB}
 * @param latency      percentiles of the individual operations, when they were timed one by one; else null
 * @param referenceKey the key of the figure this one is compared with (its ratio is value / reference), or null
 * @param target       the target in words (e.g. "≥ 25% of reference", "p99 < 20 ms"), or null
 * @param targetMet    whether the target was met, or null when there is none
 * @param note         how it was measured (counts, concurrency, scale) and anything that limits it
 */
public record Measurement(String key, String what, double value, String unit, Latency latency, String referenceKey,
        String target, Boolean targetMet, String note) {
}
