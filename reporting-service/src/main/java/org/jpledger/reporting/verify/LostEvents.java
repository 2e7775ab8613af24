package org.jpledger.reporting.verify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Events a closing saw that its topics no longer hold, in one partition: offsets {@code from} to {@code until}
 * (exclusive). Retention deletes a log's oldest records (its start offset moves above 0); a topic deleted and created
 * again ends below the closing's offset. Either way the closing can no longer be replayed.
 */
public record LostEvents(String topic, int partition, long from, long until, long logStart, long logEnd) {

    /**
     * The lost ranges of every partition the closing read ({@code seen}: its next offsets), given each partition's log
     * start and end offsets now. A partition missing from the log counts as empty.
     */
    public static List<LostEvents> of(Map<TopicPartition, Long> seen, Map<TopicPartition, Long> logStart,
            Map<TopicPartition, Long> logEnd) {
        List<LostEvents> lost = new ArrayList<>();
        seen.forEach((partition, next) -> {
            long start = logStart.getOrDefault(partition, 0L);
            long end = logEnd.getOrDefault(partition, 0L);
            if (start > 0 && next > 0) {
                lost.add(new LostEvents(partition.topic(), partition.partition(), 0, Math.min(start, next), start, end));
            }
            if (end < next && start < next) {
                lost.add(new LostEvents(partition.topic(), partition.partition(), end, next, start, end));
            }
        });
        lost.sort(Comparator.comparing(LostEvents::topic).thenComparingInt(LostEvents::partition)
                .thenComparingLong(LostEvents::from));
        return lost;
    }
}
