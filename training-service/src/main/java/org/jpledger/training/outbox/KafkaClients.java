package org.jpledger.training.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Builds the relay's Kafka producer and admin client from the {@code kafka.*} configuration. */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> kafkaConfig;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
    }

    /** The producer the relay publishes with: every record acknowledged by all in-sync replicas, no duplicates from retries. */
    @Produces
    @ApplicationScoped
    Producer<String, String> producer() {
        Map<String, Object> config = only(ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // With idempotence, up to 5 in-flight requests still keep each partition in order.
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "training-service-outbox-relay");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    void closeProducer(@Disposes Producer<String, String> producer) {
        producer.close();
    }

    /** An admin client for creating the topics; the caller closes it. */
    public Admin admin() {
        return Admin.create(only(AdminClientConfig.configNames()));
    }

    private Map<String, Object> only(Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
