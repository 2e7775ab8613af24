package org.jpledger.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jpledger.reporting.consumer.ConsumerProgress;
import org.jpledger.reporting.rest.StatusResponse;

/** Answers how far the projections are behind the topics. */
@ApplicationScoped
public class StatusService {

    private final ConsumerProgress progress;
    private final Clock clock;

    public StatusService(ConsumerProgress progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /** Reads the stored offsets, then asks the broker (bounded by jpledger.consumer.broker-timeout); no transaction is held meanwhile. */
    public StatusResponse status() {
        return StatusResponse.from(progress.positions(), progress.consumerRunning(), clock.instant());
    }
}
