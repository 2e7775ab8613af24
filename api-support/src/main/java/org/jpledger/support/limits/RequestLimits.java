package org.jpledger.support.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.HashMap;
import java.util.Map;

/**
 * The service's request limits, built from {@link LimitsConfig}: body caps and the rate limiter of expensive calls
 * (and of each kind of call with a {@link RateAllowance} of its own), whose allowances live in this instance's memory.
 */
@ApplicationScoped
public class RequestLimits {

    private final LimitsConfig config;
    private final RateLimiter expensiveCalls;
    private final Map<String, RateLimiter> ownAllowances = new HashMap<>();

    public RequestLimits(LimitsConfig config, Instance<RateAllowance> allowances) {
        this.config = config;
        this.expensiveCalls = new RateLimiter(config.expensiveCalls(), config.expensiveWindow(), System::nanoTime);
        allowances.forEach(allowance -> ownAllowances.put(allowance.kind(),
                new RateLimiter(allowance.calls(), allowance.window(), System::nanoTime)));
    }

    public RateLimiter expensiveCalls() {
        return expensiveCalls;
    }

    /** The rate limiter of {@link RateLimited} calls of {@code kind}: its own allowance, or the expensive calls'. */
    public RateLimiter limiterOf(String kind) {
        return ownAllowances.getOrDefault(kind, expensiveCalls);
    }

    /** The largest body accepted for a CSV ({@code csv == true}) or JSON request. */
    public long bodyCap(boolean csv) {
        return csv ? config.csvBody().asLongValue() : config.jsonBody().asLongValue();
    }
}
