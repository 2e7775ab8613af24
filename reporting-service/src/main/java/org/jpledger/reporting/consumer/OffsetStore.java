package org.jpledger.reporting.consumer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Consumed positions kept in PostgreSQL beside the projections, so that both move in one transaction. */
@ApplicationScoped
public class OffsetStore implements PanacheRepositoryBase<ConsumerOffset, ConsumerOffset.Key> {

    /** The stored next offset of each given partition that has one. */
    @Transactional
    public Map<TopicPartition, Long> nextOffsets(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        for (TopicPartition partition : partitions) {
            ConsumerOffset offset = findById(new ConsumerOffset.Key(partition.topic(), partition.partition()));
            if (offset != null) {
                stored.put(partition, offset.nextOffset);
            }
        }
        return stored;
    }

    /**
     * Records that everything before these offsets has been applied; only inside the transaction that applied it.
     *
     * @param eventTimes per partition, the newest CloudEvents time among the batch's events whose time is known; a
     *                   partition's stored time only moves forward
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Map<TopicPartition, Long> nextOffsets, Map<TopicPartition, Instant> eventTimes, Instant now) {
        nextOffsets.forEach((partition, next) -> {
            ConsumerOffset offset = findById(new ConsumerOffset.Key(partition.topic(), partition.partition()));
            if (offset == null) {
                offset = new ConsumerOffset();
                offset.topic = partition.topic();
                offset.partition = partition.partition();
            }
            offset.nextOffset = next;
            offset.updatedAt = now;
            offset.lastEventTime = later(offset.lastEventTime, eventTimes.get(partition));
            persist(offset);
        });
    }

    /** Counts the time of an event applied outside the poll loop (a retried parked one) for its partition, if stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void noteEventTime(String topic, int partition, Instant eventTime) {
        ConsumerOffset offset = findById(new ConsumerOffset.Key(topic, partition));
        if (offset != null) {
            offset.lastEventTime = later(offset.lastEventTime, eventTime);
        }
    }

    /** Every stored position of the given topics, by topic and partition. */
    @Transactional
    public List<ConsumerOffset> positionsOf(Collection<String> topics) {
        return list("topic in ?1 order by topic, partition", topics);
    }

    /** The newest event time stored for any partition of the given topics. */
    @Transactional
    public Optional<Instant> newestEventTimeOf(Collection<String> topics) {
        return getEntityManager()
                .createQuery("select max(o.lastEventTime) from ConsumerOffset o where o.topic in :topics", Instant.class)
                .setParameter("topics", topics)
                .getResultStream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** One past the last offset of each partition in a batch: where reading resumes once the batch is applied. */
    public static Map<TopicPartition, Long> nextOffsetsAfter(List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        return next;
    }

    /** The later of two times, either of which may be null (unknown). */
    static Instant later(Instant stored, Instant candidate) {
        if (candidate == null) {
            return stored;
        }
        return stored == null || candidate.isAfter(stored) ? candidate : stored;
    }
}
