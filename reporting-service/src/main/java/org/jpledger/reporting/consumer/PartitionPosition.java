package org.jpledger.reporting.consumer;

import java.time.Instant;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the consumer stands in one partition, against the broker's log.
 *
 * @param nextOffset    the stored next offset to read; null when nothing of the partition was applied yet
 * @param updatedAt     when {@code nextOffset} last moved; null with it
 * @param lastEventTime CloudEvents time of the newest event handled from the partition; null while unknown
 * @param endOffset     the broker's log end offset; null when the broker could not be asked
 * @param lag           records in the log not applied yet; null when {@code endOffset} is
 * @param assignedHere  whether this instance reads the partition now (other instances of the group read the rest)
 */
public record PartitionPosition(String topic, int partition, Long nextOffset, Instant updatedAt, Instant lastEventTime,
        Long endOffset, Long lag, boolean assignedHere) {

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    /** Records still to apply: the log from the stored offset, or from the log start when that is later or there is none. */
    static Long lag(Long nextOffset, BrokerOffsets.Range log) {
        if (log == null) {
            return null;
        }
        // Records before the log start were deleted by retention; the consumer resumes at the log start then.
        long resumeAt = nextOffset == null ? log.start() : Math.max(nextOffset, log.start());
        return Math.max(0, log.end() - resumeAt);
    }
}
