package org.jpledger.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the compliance projections. */
@ConfigMapping(prefix = "jpledger.reporting")
public interface ReportingConfig {

    /**
     * The first training year reported on: employees count in every year from this one (or from the year they joined)
     * through the current year. Completions of earlier years are kept and counted in their year all the same.
     */
    @WithDefault("2020")
    int firstYear();

    /**
     * How long a refresh of the precomputed unit figures waits for the consumer batches in flight before giving up
     * until its next run (batches queue behind it while it waits, so it cannot starve; they do wait that long).
     */
    @WithDefault("10s")
    Duration figuresLockWait();

    /** The longest a refresh of one year's unit figures may take (a national year takes minutes on a small machine). */
    @WithDefault("30m")
    Duration figuresRefreshTimeout();

    /**
     * How old the newest applied event of a partition with events still pending may be before the figures are called
     * stale (the dashboard then warns); a partition with nothing pending is current however old its last event.
     */
    @WithDefault("5m")
    Duration staleAfter();
}
