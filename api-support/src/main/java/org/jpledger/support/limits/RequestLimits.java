package org.jpledger.support.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The service's request limits, built from {@link LimitsConfig}: body caps and the rate limiters of expensive calls
 * (one per kind with an allowance of its own, one shared by the other kinds), whose buckets live in this instance's
 * memory.
 */
@ApplicationScoped
public class RequestLimits {

    private final LimitsConfig config;
    private final RateLimiter expensiveCalls;
    private final Map<String, RateLimiter> byKind;

    public RequestLimits(LimitsConfig config) {
        this.config = config;
        this.expensiveCalls = new RateLimiter(config.expensiveCalls(), config.expensiveWindow(), System::nanoTime);
        this.byKind = config.kind().entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                kind -> new RateLimiter(kind.getValue().calls(),
                        kind.getValue().window().orElse(config.expensiveWindow()), System::nanoTime)));
    }

    /** The limiter shared by the kinds of call without an allowance of their own. */
    public RateLimiter expensiveCalls() {
        return expensiveCalls;
    }

    /** The limiter of one kind of call (the value of {@link RateLimited}). */
    public RateLimiter callsOf(String kind) {
        return byKind.getOrDefault(kind, expensiveCalls);
    }

    /** The largest body accepted for a CSV ({@code csv == true}) or JSON request. */
    public long bodyCap(boolean csv) {
        return csv ? config.csvBody().asLongValue() : config.jsonBody().asLongValue();
    }
}
