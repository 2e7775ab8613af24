package org.jpledger.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/**
 * Plausibility bounds on recorded completions: a completion beyond one is still stored and counted, but flagged for a
 * verifier (CompletionFlag). The defaults are configurable plausibility bounds, not regulation: a full training day
 * rarely holds more than 10 lesson hours of 45 minutes.
 */
@ConfigMapping(prefix = "jpledger.plausibility")
public interface PlausibilityConfig {

    /** Most claimed JP per day of a klasikal training's span (startDate to endDate inclusive) before it is flagged. */
    @WithDefault("10")
    BigDecimal maxJpPerDayKlasikal();

    /** Most claimed JP per day of a nonklasikal training's span before it is flagged. */
    @WithDefault("10")
    BigDecimal maxJpPerDayNonklasikal();
}
