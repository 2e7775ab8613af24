package org.jpledger.reporting.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.consumer.ConsumerPositions;
import org.jpledger.reporting.consumer.PartitionPosition;

/** How far the projections are behind the topics. */
@Schema(name = "ConsumerStatus", description = "How far the projections are behind the ledger's topics")
public record StatusResponse(
        @Schema(description = "Whether this instance's consumer thread is running") boolean consumerRunning,
        @Schema(description = "Every partition of the consumed topics, by topic and partition")
        List<PartitionStatusResponse> partitions,
        @Schema(description = "Records not applied yet over all partitions; null when any partition's lag is unknown",
                examples = "0") Long totalLag,
        @Schema(description = "Why the lag is unknown (Kafka did not answer in time, for one); null when it is known")
        String lagUnknownReason,
        @Schema(description = "CloudEvents time of the newest event handled from any partition; null before the first")
        Instant newestEventTime,
        @Schema(description = "Seconds from newestEventTime to now; null with it (negative if the producer's clock is "
                + "ahead)", examples = "4") Long newestEventAgeSeconds,
        @Schema(description = "When this status was taken") Instant checkedAt) {

    public static StatusResponse from(ConsumerPositions positions, boolean consumerRunning, Instant now) {
        Instant newest = positions.partitions().stream()
                .map(PartitionPosition::lastEventTime)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
        return new StatusResponse(consumerRunning,
                positions.partitions().stream().map(PartitionStatusResponse::from).toList(),
                positions.totalLag(), positions.lagUnknownReason(), newest,
                newest == null ? null : Duration.between(newest, now).toSeconds(), now);
    }
}
