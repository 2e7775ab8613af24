package org.jpledger.reporting.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.consumer.PartitionPosition;

/** One partition's position in the consumer status. */
@Schema(name = "PartitionStatus", description = "Where the consumer stands in one partition, against the broker's log")
public record PartitionStatusResponse(
        @Schema(description = "Kafka topic", examples = "jpledger.employees.v1") String topic,
        @Schema(description = "Partition of the topic", examples = "0") int partition,
        @Schema(description = "Stored offset of the next record to apply; null when none of the partition was applied",
                examples = "40214") Long nextOffset,
        @Schema(description = "The broker's log end offset (one past its last record); null when Kafka did not answer",
                examples = "40220") Long endOffset,
        @Schema(description = "Records in the log not applied yet; null when the end offset is unknown", examples = "6")
        Long lag,
        @Schema(description = "When the stored offset last moved; null with it") Instant updatedAt,
        @Schema(description = "CloudEvents time of the newest event handled from the partition; null while none is "
                + "known") Instant lastEventTime,
        @Schema(description = "Whether this instance reads the partition now; other instances of the consumer group "
                + "read the rest") boolean assignedHere) {

    public static PartitionStatusResponse from(PartitionPosition position) {
        return new PartitionStatusResponse(position.topic(), position.partition(), position.nextOffset(),
                position.endOffset(), position.lag(), position.updatedAt(), position.lastEventTime(),
                position.assignedHere());
    }
}
