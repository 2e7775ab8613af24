package org.jpledger.reporting.consumer;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Records that everything before these offsets has been applied; only inside the transaction that applied it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Map<TopicPartition, Long> nextOffsets, Instant now) {
        nextOffsets.forEach((partition, next) -> {
            ConsumerOffset offset = findById(new ConsumerOffset.Key(partition.topic(), partition.partition()));
            if (offset == null) {
                offset = new ConsumerOffset();
                offset.topic = partition.topic();
                offset.partition = partition.partition();
            }
            offset.nextOffset = next;
            offset.updatedAt = now;
            persist(offset);
        });
    }

    /** One past the last offset of each partition in a batch: where reading resumes once the batch is applied. */
    public static Map<TopicPartition, Long> nextOffsetsAfter(List<? extends ConsumerRecord<?, ?>> records) {
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<?, ?> record : records) {
            next.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max);
        }
        return next;
    }
}
