package org.jpledger.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.consumer.ConsumerProgress;
import org.jpledger.reporting.projection.ProjectionLock;
import org.junit.jupiter.api.Test;

/**
 * The consumer's progress as the status endpoint and the readiness check tell it, against the real broker. The
 * consumer is stalled on purpose by holding the lock its batches need (as a long retry of parked events would); the
 * test profile's stall timeout is 2 s.
 */
@QuarkusTest
class ConsumerStatusTest {

    private static final String STATUS = "/api/v1/status";
    private static final String READINESS_CHECK = "Event consumer progress";
    private static final int YEAR = 2025;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    ConsumerProgress progress;

    @Test
    void reportsEachPartitionsStoredAndEndOffsetsAndTheNewestEventsAge() {
        Instant sentAt = Instant.now();
        RecordMetadata sent = publishEmployee(freshNip(), "Sri Mulyani");

        await().atMost(Compliance.PATIENCE).untilAsserted(() -> assertThat(partition(status(), sent))
                .containsEntry("lag", 0)
                .hasEntrySatisfying("nextOffset", next -> assertThat(((Number) next).longValue())
                        .isGreaterThan(sent.offset())));

        JsonPath status = status();
        Map<String, Object> partition = partition(status, sent);
        assertThat(partition).containsEntry("assignedHere", true)
                .containsEntry("endOffset", partition.get("nextOffset"))
                .containsKeys("updatedAt", "lastEventTime");
        assertThat(Instant.parse((String) partition.get("lastEventTime"))).isAfterOrEqualTo(sentAt.minusSeconds(1));
        assertThat(status.getBoolean("consumerRunning")).isTrue();
        assertThat(status.getString("lagUnknownReason")).isNull();
        assertThat(status.getLong("totalLag")).isNotNegative();
        assertThat(status.getLong("newestEventAgeSeconds")).isBetween(-5L, Compliance.PATIENCE.toSeconds() + 5);
    }

    @Test
    void showsOnlyTheTopicsTheConsumerReads() {
        Sql.execute(dataSource, "INSERT INTO consumer_offset (topic, partition, next_offset, updated_at)"
                + " VALUES ('jpledger.retired.v0', 0, 5, now()) ON CONFLICT DO NOTHING");

        assertThat(status().getList("partitions.topic", String.class))
                .isNotEmpty()
                .allMatch(topic -> topic.equals("jpledger.units.v1") || topic.equals("jpledger.employees.v1"));
    }

    @Test
    void tellsTheTimeOfTheNewestEventHandled() {
        Instant sentAt = Instant.now();
        String nip = freshNip();
        publishEmployee(nip, "Hadi Purnomo");
        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("name", equalTo("Hadi Purnomo")));

        Optional<Instant> newest = progress.newestAppliedEventTime();

        assertThat(newest).hasValueSatisfying(time -> assertThat(time).isAfterOrEqualTo(sentAt.minusSeconds(1)));
    }

    @Test
    void showsTheLagAndIsNotReadyWhileTheConsumerMakesNoProgress() throws Exception {
        String nip = freshNip();
        RecordMetadata sent;
        try (AutoCloseable retry = Sql.holdAdvisoryLock(dataSource, "pg_advisory_xact_lock", ProjectionLock.KEY)) {
            sent = publishEmployee(nip, "Lestari Wulandari");

            await().atMost(Compliance.PATIENCE).untilAsserted(() -> assertThat(partition(status(), sent))
                    .hasEntrySatisfying("lag", lag -> assertThat(((Number) lag).longValue()).isPositive()));
            await().atMost(Compliance.PATIENCE).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                JsonPath readiness = given().when().get("/q/health/ready").then().statusCode(503).extract().jsonPath();
                Map<String, Object> check = readinessCheck(readiness);
                assertThat(check).containsEntry("status", "DOWN");
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) check.get("data");
                assertThat(data).containsEntry("consumerRunning", true)
                        .containsEntry("stallTimeout", "PT2S")
                        .containsKey("stalled " + sent.topic() + "-" + sent.partition());
            });
        }

        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("name", equalTo("Lestari Wulandari")));
        await().atMost(Compliance.PATIENCE).untilAsserted(() -> assertThat(readinessCheck(
                given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath()))
                .containsEntry("status", "UP"));
    }

    private RecordMetadata publishEmployee(String nip, String name) {
        try (LedgerEvents events = new LedgerEvents(bootstrapServers, mapper)) {
            return events.employee(nip, name, 1);
        }
    }

    private static JsonPath status() {
        return given().when().get(STATUS).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> partition(JsonPath status, RecordMetadata record) {
        return status.getMap("partitions.find { it.topic == '%s' && it.partition == %d }".formatted(record.topic(),
                record.partition()));
    }

    private static Map<String, Object> readinessCheck(JsonPath readiness) {
        return readiness.getMap("checks.find { it.name == '%s' }".formatted(READINESS_CHECK));
    }
}
