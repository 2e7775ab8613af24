package org.jpledger.reporting.consumer;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jpledger.reporting.config.EventConsumerConfig;

/**
 * Reads the broker's log start and end offsets of the consumed topics with an admin client of its own, so the poll
 * loop's consumer (which only its thread may touch) is left alone. Every read is bounded by a timeout: when Kafka is
 * down the answer is "unknown", not a hung request.
 */
@ApplicationScoped
public class BrokerOffsets {

    /** The first and one-past-the-last offset of a partition's log. */
    public record Range(long start, long end) {
    }

    /**
     * The broker's logs of every partition of the topics asked for, or why they are unknown.
     *
     * @param unknownReason null when {@code ranges} is what the broker said
     */
    public record Snapshot(Map<TopicPartition, Range> ranges, String unknownReason) {

        public static Snapshot unknown(String reason) {
            return new Snapshot(Map.of(), reason);
        }

        public boolean known() {
            return unknownReason == null;
        }
    }

    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Admin admin;

    @Inject
    public BrokerOffsets(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, EventConsumerConfig config) {
        this(kafkaConfig, config.brokerTimeout());
    }

    BrokerOffsets(Map<String, Object> kafkaConfig, Duration timeout) {
        this.adminConfig = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        adminConfig.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "reporting-service-status");
        this.timeout = timeout;
    }

    /** The log of every partition of {@code topics}; a topic not created yet has none. Never waits past the timeout. */
    public Snapshot read(Collection<String> topics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Admin client = admin();
            Map<String, KafkaFuture<TopicDescription>> described = client.describeTopics(topics,
                    new DescribeTopicsOptions().timeoutMs(remainingMillis(deadline))).topicNameValues();
            List<TopicPartition> partitions = new ArrayList<>();
            for (KafkaFuture<TopicDescription> future : described.values()) {
                TopicDescription description = awaitTopic(future, deadline);
                if (description != null) {
                    description.partitions().forEach(p -> partitions.add(new TopicPartition(description.name(),
                            p.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return new Snapshot(Map.of(), null);
            }
            ListOffsetsOptions options = new ListOffsetsOptions().timeoutMs(remainingMillis(deadline));
            var ends = client.listOffsets(specs(partitions, OffsetSpec.latest()), options).all();
            var starts = client.listOffsets(specs(partitions, OffsetSpec.earliest()), options).all();
            Map<TopicPartition, ListOffsetsResultInfo> end = ends.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> start = starts.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
            Map<TopicPartition, Range> ranges = new HashMap<>();
            for (TopicPartition partition : partitions) {
                ranges.put(partition, new Range(start.get(partition).offset(), end.get(partition).offset()));
            }
            return new Snapshot(ranges, null);
        } catch (TimeoutException | org.apache.kafka.common.errors.TimeoutException e) {
            return unknown("Kafka did not answer within " + timeout);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                return unknown("Kafka did not answer within " + timeout);
            }
            return unknown("Kafka refused the request: " + e.getCause());
        } catch (KafkaException e) {
            return unknown("Kafka cannot be asked: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown("interrupted while asking Kafka");
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            // Nothing pending is worth waiting for: a status answer that was cut off has already been given.
            admin.close(Duration.ZERO);
            admin = null;
        }
    }

    // Created on first use, then kept: it reconnects by itself after a broker outage.
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    private static TopicDescription awaitTopic(KafkaFuture<TopicDescription> future, long deadline)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return future.get(remainingNanos(deadline), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null; // training-service creates the topics; until then there is nothing to lag behind
            }
            throw e;
        }
    }

    private static Map<TopicPartition, OffsetSpec> specs(List<TopicPartition> partitions, OffsetSpec spec) {
        return partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
    }

    private static long remainingNanos(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static int remainingMillis(long deadline) {
        return (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos(deadline)));
    }

    private static Snapshot unknown(String reason) {
        Log.debugf("Broker offsets unknown: %s", reason);
        return Snapshot.unknown(reason);
    }
}
