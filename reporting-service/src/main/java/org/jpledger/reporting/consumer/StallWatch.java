package org.jpledger.reporting.consumer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells a stalled consumer from a busy or idle one. A partition is stalled when it has lagged for longer than the
 * timeout while its stored offset stayed where it was. The clock starts when lag is first seen at an offset, not at
 * the offset's last move: a partition idle for an hour that has just received a record is not stalled. Plain logic fed
 * with the time and the positions, so it is tested without a broker; it remembers what it saw between calls.
 */
public class StallWatch {

    /** A partition lagging without progress. */
    public record Stall(TopicPartition partition, long lag, Duration withoutProgress) {
    }

    /**
     * The judgement of one look.
     *
     * @param lag      records still to apply over the partitions looked at; null when unknown for any of them
     * @param stalled  the partitions lagging without progress for longer than the timeout
     * @param watching how many partitions were looked at
     */
    public record Verdict(Long lag, List<Stall> stalled, int watching) {

        public boolean ready() {
            return stalled.isEmpty();
        }
    }

    /** The stored offset a partition was first seen lagging at, and when. */
    private record Lagging(Long nextOffset, Instant since) {
    }

    private final Duration timeout;
    private final Map<TopicPartition, Lagging> lagging = new HashMap<>();

    public StallWatch(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /**
     * Looks at the partitions at {@code now}. A partition whose lag is unknown keeps what was seen of it before (a
     * broker that does not answer says nothing of progress); one not among {@code partitions} any more is forgotten.
     */
    public synchronized Verdict look(Instant now, Collection<PartitionPosition> partitions) {
        Set<TopicPartition> present = new HashSet<>();
        List<Stall> stalled = new ArrayList<>();
        long lag = 0;
        boolean lagKnown = true;
        for (PartitionPosition position : partitions) {
            TopicPartition partition = position.topicPartition();
            present.add(partition);
            if (position.lag() == null) {
                lagKnown = false;
                continue;
            }
            lag += position.lag();
            if (position.lag() == 0) {
                lagging.remove(partition);
                continue;
            }
            Lagging seen = lagging.get(partition);
            if (seen == null || !Objects.equals(seen.nextOffset(), position.nextOffset())) {
                seen = new Lagging(position.nextOffset(), now);
                lagging.put(partition, seen);
            }
            Duration withoutProgress = Duration.between(seen.since(), now);
            if (withoutProgress.compareTo(timeout) > 0) {
                stalled.add(new Stall(partition, position.lag(), withoutProgress));
            }
        }
        lagging.keySet().retainAll(present);
        return new Verdict(lagKnown ? lag : null, List.copyOf(stalled), partitions.size());
    }
}
