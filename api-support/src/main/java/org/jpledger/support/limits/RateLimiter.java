package org.jpledger.support.limits;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per key: each holds up to {@code capacity} calls and refills at {@code capacity} per
 * {@code window}, so a client may burst up to the capacity and then goes at the refill rate.
 */
public final class RateLimiter {

    private static final int MAX_KEYS = 10_000;

    private final int capacity;
    private final double nanosPerToken;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration window, LongSupplier nanoTime) {
        if (capacity < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a capacity of at least 1 and a positive window");
        }
        this.capacity = capacity;
        this.nanosPerToken = (double) window.toNanos() / capacity;
        this.nanoTime = nanoTime;
    }

    /** Takes one call from the key's bucket: empty when allowed, else how many seconds until the next call is. */
    public OptionalLong acquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_KEYS) {
            // Full buckets hold nothing worth remembering; dropping them keeps memory bounded under many clients.
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(now)).take(now);
    }

    private final class Bucket {
        private double tokens = capacity;
        private long updated;

        Bucket(long now) {
            updated = now;
        }

        synchronized OptionalLong take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double wait = (1 - tokens) * nanosPerToken;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(wait / 1e9)));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) / nanosPerToken);
            updated = now;
        }
    }
}
