package org.jpledger.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jpledger.reporting.consumer.ConsumerProgress;

/** How fresh the projections are: the {@code asOf} every compliance answer carries. */
@ApplicationScoped
public class Freshness {

    private final ConsumerProgress progress;

    public Freshness(ConsumerProgress progress) {
        this.progress = progress;
    }

    /** The time of the newest event the projections have handled; null before the first. */
    public Instant asOf() {
        return progress.newestAppliedEventTime().orElse(null);
    }
}
