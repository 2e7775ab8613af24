package org.jpledger.reporting.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jpledger.contracts.events.Topics;
import org.jpledger.reporting.config.EventConsumerConfig;

/** Runs the poll loop on one thread of its own from startup to shutdown, and counts what it applied. */
@ApplicationScoped
public class EventConsumer {

    /** The topics the consumer reads. */
    public static final List<String> TOPICS = List.of(Topics.UNITS, Topics.EMPLOYEES);
    // Long enough for the batch in flight to commit or roll back; the loop itself stops within one poll timeout.
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final Map<String, Object> kafkaConfig;
    private final EventConsumerConfig config;
    private final EventBatchApplier applier;
    private final OffsetStore offsets;
    private final Counter applied;
    private final Counter ignored;
    private final Counter parked;
    private volatile PollLoop loop;
    private volatile Thread thread;

    public EventConsumer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, EventConsumerConfig config,
            EventBatchApplier applier, OffsetStore offsets, MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.applier = applier;
        this.offsets = offsets;
        this.applied = eventCounter(registry, "applied");
        this.ignored = eventCounter(registry, "ignored");
        this.parked = eventCounter(registry, "parked");
    }

    void start(@Observes StartupEvent event) {
        startConsuming();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopConsuming();
    }

    /**
     * Starts a new poll loop with a new Kafka consumer, which resumes at the offsets stored in the database; used at
     * startup, and to resume after {@link #stopConsuming()}.
     */
    public synchronized void startConsuming() {
        if (isAlive()) {
            return;
        }
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(kafkaConfig, config),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        loop = new PollLoop(consumer, TOPICS, this::applyAndCount, offsets::nextOffsets, config.pollTimeout(),
                config.retryBackoff());
        thread = new Thread(loop, "jpledger-event-consumer");
        // A loop stuck past SHUTDOWN_WAIT must not keep the JVM alive; PostgreSQL rolls back its open transaction.
        thread.setDaemon(true);
        thread.start();
        Log.infof("Event consumer started in group %s on %s", config.groupId(), TOPICS);
    }

    /** Stops the poll loop after the batch in flight (committed or rolled back whole) and leaves the group. */
    public synchronized void stopConsuming() throws InterruptedException {
        if (loop == null) {
            return;
        }
        loop.stop();
        thread.join(SHUTDOWN_WAIT.toMillis());
        if (thread.isAlive()) {
            Log.warnf("Event consumer did not stop within %s", SHUTDOWN_WAIT);
        }
    }

    /** Whether the poll loop thread is still working. */
    public boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    /** The partitions this instance reads now; other instances of the consumer group read the rest. */
    public Set<TopicPartition> assignedPartitions() {
        PollLoop current = loop;
        return current == null ? Set.of() : current.assignment();
    }

    private BatchResult applyAndCount(List<ConsumerRecord<byte[], byte[]>> records) {
        BatchResult result = applier.apply(records);
        // Counted only once committed, so a retried batch is not counted twice.
        applied.increment(result.applied());
        ignored.increment(result.ignored());
        parked.increment(result.parked());
        return result;
    }

    /** The consumer's properties: the service's Kafka configuration (connection security included) and the loop's needs. */
    static Map<String, Object> consumerProperties(Map<String, Object> kafkaConfig, EventConsumerConfig config) {
        Map<String, Object> properties = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                properties.put(key, value);
            }
        });
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        // Positions live in PostgreSQL with the projections; Kafka's committed offsets are never used.
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        // training-service creates the topics with their partition count; a broker default must not win a startup race.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service-consumer");
        return properties;
    }

    private static Counter eventCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("jpledger.consumer.events")
                .description("Ledger events handled by the consumer, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
