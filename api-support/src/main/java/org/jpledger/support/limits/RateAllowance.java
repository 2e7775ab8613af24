package org.jpledger.support.limits;

import java.time.Duration;

/**
 * A kind of {@link RateLimited} call with an allowance of its own rather than the expensive calls' one: a service
 * declares it as a bean, with values from its own configuration.
 */
public interface RateAllowance {

    /** The kind of call, as {@link RateLimited#value()} names it. */
    String kind();

    /** Calls a client may make in a burst. */
    int calls();

    /** The window over which a client's allowance refills completely. */
    Duration window();
}
