package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jpledger.contracts.events.Topics;
import org.jpledger.localstack.KafkaBroker;
import org.jpledger.localstack.LocalKeys;
import org.jpledger.localstack.LoopbackPorts;
import org.jpledger.localstack.PostgresServer;
import org.jpledger.localstack.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox keeps every change while the broker is down and delivers it once the broker is back: every version of every
 * aggregate exactly once, in order per employee.
 */
class BrokerOutageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String UNIT = "OUTAGE-UNIT";
    private static final List<String> NIPS = List.of("198001012005011001", "198102022006022002", "198203032007031003");

    @TempDir
    static Path work;

    private static PostgresServer postgres;
    private static KafkaBroker broker;
    private static ServiceProcess training;
    private static int kafkaPort;
    private static int controllerPort;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.startThrowaway().createDatabaseIfMissing("training");
        kafkaPort = LoopbackPorts.free();
        controllerPort = LoopbackPorts.free();
        broker = KafkaBroker.startPersistent(work.resolve("kafka"), kafkaPort, controllerPort);
        LocalKeys keys = LocalKeys.in(work.resolve("keys"));
        StackTokens.authorizeEverything(keys);
        training = ServiceProcess.start("training-service",
                ProjectRoot.path().resolve("training-service/target/quarkus-app/quarkus-run.jar"), LoopbackPorts.free(),
                StackTokens.trusting(keys, Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("training"),
                        "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                        "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER,
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "JPLEDGER_OUTBOX_RETRY_BACKOFF", "500ms")),
                work.resolve("training-service.log")).awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {training, broker, postgres}) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception e) {
                // best effort: the next part still has to stop
            }
        }
    }

    @Test
    void deliversEveryChangeMadeWhileTheBrokerWasDownOncePerVersionInOrderPerEmployee() throws Exception {
        put("/api/v1/units/" + UNIT, "{\"name\":\"Unit under outage\"}");
        for (String nip : NIPS) {
            put("/api/v1/employees/" + nip, """
                    {"name":"Pegawai %s","employmentType":"PNS","positionLevel":"PELAKSANA","unitCode":"%s",
                     "employedFrom":"2010-01-01"}""".formatted(nip, UNIT));
            record(nip);
        }
        assertThat(eventsByKey(NIPS.size() * 2)).hasSize(NIPS.size());

        broker.close();
        List<String> recordedDuringOutage = new ArrayList<>();
        for (String nip : NIPS) {
            String id = record(nip);
            recordedDuringOutage.add(id);
            given().baseUri(training.baseUrl()).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                    .body("{\"reason\":\"recorded twice\"}").post("/api/v1/completions/{id}/void", id)
                    .then().statusCode(200);
            record(nip);
        }
        broker = KafkaBroker.startPersistent(work.resolve("kafka"), kafkaPort, controllerPort);

        // per employee: employee v1, first completion v1, outage completion v1 and v2 (void), last completion v1
        Map<String, List<JsonNode>> events = eventsByKey(NIPS.size() * 5);

        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(NIPS);
        for (List<JsonNode> perEmployee : events.values()) {
            assertThat(perEmployee).hasSize(5);
            assertThat(perEmployee.get(0).get("type").asText()).isEqualTo("org.jpledger.employee.upserted.v1");
            Map<String, Long> lastVersion = new HashMap<>();
            for (JsonNode event : perEmployee.subList(1, perEmployee.size())) {
                String completion = event.at("/data/completionId").asText();
                long version = event.at("/data/version").asLong();
                assertThat(version).as("versions of %s in order", completion)
                        .isEqualTo(lastVersion.getOrDefault(completion, 0L) + 1);
                lastVersion.put(completion, version);
            }
        }
        assertThat(recordedDuringOutage).allSatisfy(id -> assertThat(events.values().stream().flatMap(List::stream)
                .filter(e -> e.at("/data/completionId").asText().equals(id))
                .map(e -> e.get("type").asText()).toList())
                .containsExactly("org.jpledger.completion.recorded.v1", "org.jpledger.completion.voided.v1"));
    }

    private static void put(String path, String json) {
        given().baseUri(training.baseUrl()).contentType(ContentType.JSON).body(json).put(path).then().statusCode(201);
    }

    /** A training of its own (no possible duplicate of another, which would add a REVIEWED version to count). */
    private static String record(String nip) {
        UUID externalId = UUID.randomUUID();
        return given().baseUri(training.baseUrl()).contentType(ContentType.JSON)
                .body("""
                        {"nip":"%s","title":"Pelatihan %s","kindId":3,"competencyType":"TEKNIS","deliveryMode":"DARING",
                         "provider":"BPSDMD","startDate":"2026-02-02","endDate":"2026-02-03","jp":8,
                         "sourceSystem":"outage-test","externalId":"%s"}""".formatted(nip, externalId, externalId))
                .post("/api/v1/completions").then().statusCode(201).extract().path("id");
    }

    /**
     * Reads the employee topic from the start until {@code expected} events have arrived, and for a moment longer so a
     * duplicate would show; returns them per key in partition order.
     */
    private static Map<String, List<JsonNode>> eventsByKey(int expected) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        int seen = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort),
                new StringDeserializer(), new StringDeserializer())) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(Topics.EMPLOYEES, Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(mapper.readTree(record.value()));
                    seen++;
                }
                if (seen >= expected && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        assertThat(seen).as("events on %s", Topics.EMPLOYEES).isEqualTo(expected);
        return byKey;
    }
}
