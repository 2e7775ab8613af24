package org.jpledger.reporting.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.consumer.ConsumerPositions;
import org.jpledger.reporting.consumer.PartitionPosition;

/** Whether the compliance figures can be trusted as current, for a dashboard's warning. */
@Schema(name = "Freshness", description = "How current the compliance figures are")
public record FreshnessResponse(
        @Schema(description = "Time of the newest event applied to the projections: the figures are as of then")
        Instant asOf,
        @Schema(description = "Events recorded by the ledger and not applied yet; absent when Kafka did not answer in time")
        Long pendingEvents,
        @Schema(description = "True when the figures may miss recent changes: the consumer is not running here, the "
                + "pending events are unknown, or events are pending in a partition whose newest applied event is older "
                + "than jpledger.reporting.stale-after (or that has applied none)") boolean stale,
        @Schema(description = "When this was checked") Instant checkedAt) {

    /** Stale when the consumer is down, Kafka's log ends are unknown, or a partition with pending events lags behind. */
    public static FreshnessResponse from(ConsumerPositions positions, boolean consumerRunning, Instant now,
            Duration staleAfter) {
        Instant asOf = positions.partitions().stream().map(PartitionPosition::lastEventTime).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        Instant limit = now.minus(staleAfter);
        boolean behind = positions.partitions().stream().anyMatch(p -> p.lag() != null && p.lag() > 0
                && (p.lastEventTime() == null || p.lastEventTime().isBefore(limit)));
        boolean stale = !consumerRunning || !positions.lagKnown() || behind;
        return new FreshnessResponse(asOf, positions.totalLag(), stale, now);
    }
}
