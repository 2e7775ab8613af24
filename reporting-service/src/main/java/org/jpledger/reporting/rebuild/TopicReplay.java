package org.jpledger.reporting.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jpledger.reporting.consumer.EventBatchApplier;
import org.jpledger.reporting.consumer.EventConsumer;

/**
 * One replay of the ledger topics, from their earliest offsets, into the copies of the projection tables in a schema of
 * their own, never past given offsets (each partition's stored "next offset", exclusive). It owns a consumer of its own:
 * assigned partitions and no group, so it takes nothing from the live consumer group and commits nothing. Not thread
 * safe: one thread drives it. Opened by {@link TopicReplays}.
 */
public final class TopicReplay implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final EventBatchApplier applier;
    private final RebuildSchema schema;
    private final String schemaName;
    private final List<TopicPartition> partitions = new ArrayList<>();

    TopicReplay(KafkaConsumer<byte[], byte[]> consumer, EventBatchApplier applier, RebuildSchema schema,
            String schemaName) {
        this.consumer = consumer;
        this.applier = applier;
        this.schema = schema;
        this.schemaName = schemaName;
        for (String topic : EventConsumer.TOPICS) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Every partition of the ledger topics. */
    public List<TopicPartition> partitions() {
        return List.copyOf(partitions);
    }

    /** Each partition's first offset still in the log (above 0 once retention deleted records). */
    public Map<TopicPartition, Long> logStartOffsets() {
        return consumer.beginningOffsets(partitions);
    }

    /** Each partition's offset after its last record. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    /**
     * Polls once and applies, in the copies, the records below each partition's offset in {@code until} (0 when absent);
     * a partition whose records reach past it is sought back, so the replay waits there. With
     * {@code inCallersTransaction} the batch joins the caller's transaction; otherwise it commits in one of its own.
     *
     * @return the records applied
     */
    public int replayOnce(Map<TopicPartition, Long> until, boolean inCallersTransaction) {
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
        List<ConsumerRecord<byte[], byte[]>> below = new ArrayList<>();
        Map<TopicPartition, Long> seekBack = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            if (record.offset() < until.getOrDefault(partition, 0L)) {
                below.add(record);
            } else {
                seekBack.merge(partition, record.offset(), Math::min);
            }
        }
        seekBack.forEach(consumer::seek);
        if (below.isEmpty()) {
            return 0;
        }
        if (inCallersTransaction) {
            schema.useInThisTransaction(schemaName);
            applier.apply(below);
        } else {
            QuarkusTransaction.requiringNew().run(() -> {
                schema.useInThisTransaction(schemaName);
                applier.apply(below);
            });
        }
        return below.size();
    }

    /** Whether the replay is within {@code slack} records of the offsets in {@code until} on every partition. */
    public boolean caughtUp(Map<TopicPartition, Long> until, long slack) {
        long behind = 0;
        for (TopicPartition partition : partitions) {
            behind += Math.max(0, until.getOrDefault(partition, 0L) - consumer.position(partition));
        }
        return behind <= slack;
    }

    /** Events replayed per second from {@code startedAt} to {@code finishedAt} (or to now, while running); 0 before any. */
    public static double eventsPerSecond(long events, Instant startedAt, Instant finishedAt, Instant now) {
        Instant end = finishedAt != null ? finishedAt : now;
        long millis = startedAt == null ? 0 : Duration.between(startedAt, end).toMillis();
        return millis <= 0 ? 0 : events * 1000.0 / millis;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
