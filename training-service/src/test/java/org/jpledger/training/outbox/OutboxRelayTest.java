package org.jpledger.training.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jpledger.training.TestData.completionJson;
import static org.jpledger.training.TestData.registeredEmployee;
import static org.jpledger.training.TestData.freshUnit;
import static org.jpledger.training.TestData.unitJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.junit.jupiter.api.Test;

/** Committed changes reach the real broker, keyed by their aggregate, in order, and are marked only once acknowledged. */
@QuarkusTest
class OutboxRelayTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxRepository outbox;

    @Inject
    ObjectMapper mapper;

    @Test
    void publishesAUnitEventKeyedByUnitCode() throws Exception {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Inspektorat", null)).put("/api/v1/units/{code}", code)
                .then().statusCode(201);

        List<JsonNode> events = eventsFor(Topics.UNITS, code, 1);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.get("type").asText()).isEqualTo(EventTypes.UNIT_UPSERTED_V1);
            assertThat(event.get("subject").asText()).isEqualTo(code);
            assertThat(event.at("/data/name").asText()).isEqualTo("Inspektorat");
            assertThat(event.at("/data/version").asLong()).isEqualTo(1);
        });
    }

    @Test
    void publishesAnEmployeeAndItsCompletionsInOrderOnOneKey() throws Exception {
        String nip = registeredEmployee();
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(completionJson(nip, "order-" + UUID.randomUUID()))
                    .post("/api/v1/completions").then().statusCode(201);
        }

        List<JsonNode> events = eventsFor(Topics.EMPLOYEES, nip, 3);

        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(EventTypes.EMPLOYEE_UPSERTED_V1,
                EventTypes.COMPLETION_RECORDED_V1, EventTypes.COMPLETION_RECORDED_V1);
        assertThat(events).allSatisfy(e -> assertThat(e.at("/data/nip").asText()).isEqualTo(nip));
    }

    @Test
    void marksARowPublishedOnlyAfterItReachedTheBroker() throws Exception {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Sekretariat DPRD", null)).put("/api/v1/units/{code}", code)
                .then().statusCode(201);

        eventsFor(Topics.UNITS, code, 1);

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (unpublishedFor(code) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(unpublishedFor(code)).isZero();
    }

    private long unpublishedFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey = ?1 and publishedAt is null", key));
    }

    /** Reads the topic from the start until {@code expected} events with {@code key} arrived, in partition order. */
    private List<JsonNode> eventsFor(String topic, String key, int expected) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(topic).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(mapper.readTree(record.value()));
                    }
                }
            }
        }
        assertThat(found).as("events with key %s on %s", key, topic).hasSize(expected);
        return found;
    }
}
