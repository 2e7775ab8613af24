package org.jpledger.bench;

/** Percentiles of operations timed one by one, in milliseconds. */
public record Latency(double p50Ms, double p95Ms, double p99Ms, double maxMs, long samples) {
}
