package org.jpledger.training.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jpledger.support.limits.RateAllowance;

/**
 * The allowance of statement writes at /xapi/statements, each system its own: learning platforms send statements as
 * learners work, far more often than the expensive calls' allowance would let them, yet one must not flood the store.
 */
@ApplicationScoped
public class XapiStoreAllowance implements RateAllowance {

    /** The kind of call the Statement Resource's writes are rate-limited as. */
    public static final String KIND = "xapi-statements";

    private final XapiConfig config;

    public XapiStoreAllowance(XapiConfig config) {
        this.config = config;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int calls() {
        return config.storeCalls();
    }

    @Override
    public Duration window() {
        return config.storeWindow();
    }
}
