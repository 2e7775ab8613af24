package org.jpledger.reporting.rebuild;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jpledger.reporting.consumer.EventBatchApplier;

/** Opens replays of the ledger topics into schemas of copies, for a rebuild or the verification of a closing. */
@ApplicationScoped
public class TopicReplays {

    private final Map<String, Object> kafkaConfig;
    private final EventBatchApplier applier;
    private final RebuildSchema schema;

    public TopicReplays(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, EventBatchApplier applier,
            RebuildSchema schema) {
        this.kafkaConfig = kafkaConfig;
        this.applier = applier;
        this.schema = schema;
    }

    /**
     * A replay from the earliest offsets into the copies in {@code schemaName} (which the caller creates), reading as
     * Kafka client {@code clientId}.
     */
    public TopicReplay open(String schemaName, String clientId) {
        KafkaConsumer<byte[], byte[]> consumer = consumer(clientId);
        try {
            return new TopicReplay(consumer, applier, schema, schemaName);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String clientId) {
        Map<String, Object> properties = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                properties.put(key, value);
            }
        });
        // Assigned partitions and no group: the replay takes nothing from the live consumer group and commits nothing.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
