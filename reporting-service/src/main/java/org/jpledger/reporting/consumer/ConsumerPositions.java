package org.jpledger.reporting.consumer;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Every partition of the consumed topics with its stored position and lag; a partition appears when the database or
 * the broker knows it.
 *
 * @param lagUnknownReason null when every partition's lag is known
 */
public record ConsumerPositions(List<PartitionPosition> partitions, String lagUnknownReason) {

    private static final Comparator<TopicPartition> ORDER = Comparator.comparing(TopicPartition::topic)
            .thenComparingInt(TopicPartition::partition);

    public boolean lagKnown() {
        return lagUnknownReason == null;
    }

    /** The records still to apply over all partitions; null unless every partition's lag is known. */
    public Long totalLag() {
        return lagKnown() ? partitions.stream().mapToLong(PartitionPosition::lag).sum() : null;
    }

    /** Joins the stored offsets with the broker's logs. */
    public static ConsumerPositions of(List<ConsumerOffset> stored, BrokerOffsets.Snapshot broker,
            Set<TopicPartition> assignedHere) {
        Map<TopicPartition, ConsumerOffset> byPartition = new TreeMap<>(ORDER);
        stored.forEach(offset -> byPartition.put(new TopicPartition(offset.topic, offset.partition), offset));
        Set<TopicPartition> all = new HashSet<>(byPartition.keySet());
        all.addAll(broker.ranges().keySet());
        String unknownReason = broker.unknownReason();
        List<PartitionPosition> positions = all.stream().sorted(ORDER).map(partition -> {
            ConsumerOffset offset = byPartition.get(partition);
            BrokerOffsets.Range log = broker.ranges().get(partition);
            Long nextOffset = offset == null ? null : offset.nextOffset;
            return new PartitionPosition(partition.topic(), partition.partition(), nextOffset,
                    offset == null ? null : offset.updatedAt, offset == null ? null : offset.lastEventTime,
                    log == null ? null : log.end(), PartitionPosition.lag(nextOffset, log),
                    assignedHere.contains(partition));
        }).toList();
        if (unknownReason == null && positions.stream().anyMatch(p -> p.lag() == null)) {
            unknownReason = "the broker does not list every stored partition";
        }
        return new ConsumerPositions(positions, unknownReason);
    }
}
