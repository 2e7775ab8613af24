package org.jpledger.reporting.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jpledger.contracts.events.Topics;
import org.jpledger.localstack.KafkaBroker;
import org.jpledger.localstack.KafkaBroker.ScramUser;
import org.jpledger.reporting.config.EventConsumerConfig;
import org.jpledger.support.kafka.KafkaSecurity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event consumer and the lag admin client, configured by the {@code JPLEDGER_KAFKA_*} variables, read from a broker
 * that requires SASL/SCRAM; with a wrong password they are refused.
 */
class EventConsumerSaslTest {

    private static final ScramUser BROKER_ADMIN = new ScramUser("broker-admin", "broker-admin-secret");
    private static final String PRODUCER = "training-service";
    private static final String PRODUCER_PASSWORD = "training-secret";
    private static final String CONSUMER = "reporting-service";
    private static final String CONSUMER_PASSWORD = "rep\"orting\\secret";
    private static final String VALUE = "{\"specversion\":\"1.0\"}";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static KafkaBroker broker;

    @BeforeAll
    static void startBrokerRequiringScramAndPublishOneRecord() throws Exception {
        broker = KafkaBroker.startThrowawayRequiringScram(BROKER_ADMIN);
        broker.addScramUser("SCRAM-SHA-512", PRODUCER, PRODUCER_PASSWORD);
        broker.addScramUser("SCRAM-SHA-256", CONSUMER, CONSUMER_PASSWORD);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafkaConfig("SCRAM-SHA-512", PRODUCER,
                PRODUCER_PASSWORD), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.UNITS, "UNIT-1", VALUE)).get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void theConsumerReadsWithTheRightScramCredentials() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(CONSUMER_PASSWORD)) {
            consumer.subscribe(EventConsumer.TOPICS);
            List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (read.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(read::add);
            }

            assertThat(read).singleElement().satisfies(record -> {
                assertThat(record.topic()).isEqualTo(Topics.UNITS);
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo(VALUE);
            });
        }
    }

    @Test
    void theLagAdminClientReadsTheBrokersOffsetsWithTheRightScramCredentials() {
        BrokerOffsets offsets = new BrokerOffsets(kafkaConfig("SCRAM-SHA-256", CONSUMER, CONSUMER_PASSWORD), PATIENCE);
        try {
            BrokerOffsets.Snapshot snapshot = offsets.read(EventConsumer.TOPICS);

            assertThat(snapshot.known()).as(snapshot.unknownReason()).isTrue();
            assertThat(snapshot.ranges()).containsEntry(new TopicPartition(Topics.UNITS, 0),
                    new BrokerOffsets.Range(0, 1));
        } finally {
            offsets.close();
        }
    }

    @Test
    void aWrongPasswordFailsToAuthenticateTheConsumerAndTheLagAdminClient() {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer("not-the-password")) {
            consumer.subscribe(EventConsumer.TOPICS);

            Throwable failure = catchThrowable(() -> {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (System.nanoTime() < deadline) {
                    assertThat(consumer.poll(Duration.ofMillis(500))).isEmpty();
                }
            });

            assertThat(failure).isInstanceOf(SaslAuthenticationException.class);
        }
        BrokerOffsets offsets = new BrokerOffsets(kafkaConfig("SCRAM-SHA-256", CONSUMER, "not-the-password"),
                PATIENCE);
        try {
            BrokerOffsets.Snapshot snapshot = offsets.read(EventConsumer.TOPICS);

            assertThat(snapshot.known()).isFalse();
            assertThat(snapshot.unknownReason()).contains(SaslAuthenticationException.class.getName());
        } finally {
            offsets.close();
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String password) {
        EventConsumerConfig config = new SmallRyeConfigBuilder().withMapping(EventConsumerConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()).build()
                .getConfigMapping(EventConsumerConfig.class);
        return new KafkaConsumer<>(EventConsumer.consumerProperties(
                kafkaConfig("SCRAM-SHA-256", CONSUMER, password), config),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The service's Kafka configuration as the services build it: its {@code kafka.*} settings and the security. */
    private static Map<String, Object> kafkaConfig(String mechanism, String user, String password) {
        return KafkaSecurity.secure(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                KafkaSecurity.read(Map.of("JPLEDGER_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
                        "JPLEDGER_KAFKA_SASL_MECHANISM", mechanism,
                        "JPLEDGER_KAFKA_SASL_USERNAME", user,
                        "JPLEDGER_KAFKA_SASL_PASSWORD", password)));
    }
}
