package org.jpledger.support.limits;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's request limits, built from {@link LimitsConfig}: body caps and the rate limiter of expensive calls,
 * whose allowances live in this instance's memory.
 */
@ApplicationScoped
public class RequestLimits {

    private final LimitsConfig config;
    private final RateLimiter expensiveCalls;

    public RequestLimits(LimitsConfig config) {
        this.config = config;
        this.expensiveCalls = new RateLimiter(config.expensiveCalls(), config.expensiveWindow(), System::nanoTime);
    }

    public RateLimiter expensiveCalls() {
        return expensiveCalls;
    }

    /** The largest body accepted for a CSV ({@code csv == true}) or JSON request. */
    public long bodyCap(boolean csv) {
        return csv ? config.csvBody().asLongValue() : config.jsonBody().asLongValue();
    }
}
