package org.jpledger.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jpledger.reporting.api.FreshnessResponse;
import org.jpledger.reporting.api.StatusResponse;
import org.jpledger.reporting.config.ReportingConfig;
import org.jpledger.reporting.consumer.ConsumerProgress;

/** Answers how far the projections are behind the topics. */
@ApplicationScoped
public class StatusService {

    private final ConsumerProgress progress;
    private final Clock clock;
    private final ReportingConfig config;

    public StatusService(ConsumerProgress progress, Clock clock, ReportingConfig config) {
        this.progress = progress;
        this.clock = clock;
        this.config = config;
    }

    /** Reads the stored offsets, then asks the broker (bounded by jpledger.consumer.broker-timeout); no transaction is held meanwhile. */
    public StatusResponse status() {
        return StatusResponse.from(progress.positions(), progress.consumerRunning(), clock.instant());
    }

    /** Whether the figures are current, from the same positions as {@link #status()}. */
    public FreshnessResponse freshness() {
        return FreshnessResponse.from(progress.positions(), progress.consumerRunning(), clock.instant(),
                config.staleAfter());
    }
}
