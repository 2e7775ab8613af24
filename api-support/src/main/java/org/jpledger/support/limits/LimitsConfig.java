package org.jpledger.support.limits;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Caps on what one request or one client may ask of a service. */
@ConfigMapping(prefix = "jpledger.limits")
public interface LimitsConfig {

    /** Largest JSON request body. A batch of 1,000 completions is about 0.5 MB. */
    @WithDefault("4M")
    MemorySize jsonBody();

    /** Largest CSV request body (an import is recorded as it streams in, so this bounds time, not memory). */
    @WithDefault("512M")
    MemorySize csvBody();

    /** Expensive calls (imports, exports, rebuilds) one subject of one client may make in a burst, per kind of call. */
    @WithDefault("10")
    int expensiveCalls();

    /** The window over which a caller's allowance of expensive calls refills completely. */
    @WithDefault("1m")
    Duration expensiveWindow();

    /**
     * Allowances of particular kinds of call (the value of {@link RateLimited}), e.g.
     * {@code jpledger.limits.kind.batch.calls=600}; a kind not named here has expensive-calls per expensive-window.
     */
    Map<String, Allowance> kind();

    /** The allowance of one kind of call, per client. */
    interface Allowance {

        /** Calls of this kind a client may make in a burst. */
        int calls();

        /** The window over which the allowance refills completely; expensive-window when not set. */
        Optional<Duration> window();
    }
}
