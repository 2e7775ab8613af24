package org.jpledger.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the compliance projections. */
@ConfigMapping(prefix = "jpledger.reporting")
public interface ReportingConfig {

    /**
     * The first training year reported on: employees count in every year from this one (or from the year they joined)
     * through the current year. Completions of earlier years are kept and counted in their year all the same.
     */
    @WithDefault("2020")
    int firstYear();
}
