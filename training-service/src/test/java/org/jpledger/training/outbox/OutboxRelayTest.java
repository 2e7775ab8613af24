package org.jpledger.training.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitUpserted;
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
    OutboxWriter writer;

    @Inject
    OutboxPublisher publisher;

    @Inject
    ObjectMapper mapper;

    @Test
    void createsTheLedgerTopicsWithoutATimeLimitOnTheirEvents() throws Exception {
        given().contentType(ContentType.JSON).body(unitJson("Inspektorat", null)).put("/api/v1/units/{code}", freshUnit())
                .then().statusCode(201);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<ConfigResource> topics = List.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.UNITS),
                    new ConfigResource(ConfigResource.Type.TOPIC, Topics.EMPLOYEES));
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);
            assertThat(configs.values()).hasSize(2).allSatisfy(config ->
                    assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1"));
        }
    }

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
        // Two different trainings: the same one twice would also publish a REVIEWED version (possible duplicate).
        for (String title : List.of("Literasi Digital", "Manajemen Arsip")) {
            given().contentType(ContentType.JSON).body(completionJson(nip, "order-" + UUID.randomUUID())
                    .replace("Pelatihan Analisis Kebijakan", title)).post("/api/v1/completions").then().statusCode(201);
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

        awaitPublished(code);
    }

    @Test
    void publishesARowWhoseTransactionCommitsLateBehindAHigherId() throws Exception {
        String lateKey = "LATE-" + UUID.randomUUID();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> slowTransaction = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                .call(() -> {
                    writer.append(Topics.UNITS, lateKey, EventTypes.UNIT_UPSERTED_V1,
                            new UnitUpserted(lateKey, "committed late", null, 1));
                    writer.flush();
                    long id = outbox.find("messageKey", lateKey).singleResult().id;
                    written.countDown();
                    assertThat(release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                    return id;
                }));
        assertThat(written.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas Pendidikan", null)).put("/api/v1/units/{code}", code)
                .then().statusCode(201);
        eventsFor(Topics.UNITS, code, 1);
        release.countDown();
        long lateId = slowTransaction.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

        assertThat(lateId).isLessThan(QuarkusTransaction.requiringNew()
                .call(() -> outbox.find("messageKey", code).singleResult().id));
        assertThat(eventsFor(Topics.UNITS, lateKey, 1)).singleElement()
                .satisfies(event -> assertThat(event.at("/data/name").asText()).isEqualTo("committed late"));
    }

    @Test
    void cleansUpPublishedRowsAfterTheRetentionAndKeepsUnpublishedOnes() throws Exception {
        String code = freshUnit();
        given().contentType(ContentType.JSON).body(unitJson("Dinas Sosial", null)).put("/api/v1/units/{code}", code)
                .then().statusCode(201);
        awaitPublished(code);
        String pendingKey = "PENDING-" + UUID.randomUUID();

        // The unpublished row is written and looked at inside one transaction that is then rolled back, so the relay
        // never sees it and the check cannot race with publication.
        AtomicLong pendingLeft = new AtomicLong(-1);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            writer.append(Topics.UNITS, pendingKey, EventTypes.UNIT_UPSERTED_V1,
                    new UnitUpserted(pendingKey, "not yet published", null, 1));
            writer.flush();
            outbox.deletePublishedBefore(Instant.now().plusSeconds(60), Integer.MAX_VALUE);
            pendingLeft.set(outbox.count("messageKey", pendingKey));
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(pendingLeft).as("an unpublished row survives any cleanup").hasValue(1);

        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey", code))).isEqualTo(1);
        publisher.deletePublishedBefore(Instant.now().minusSeconds(3600));
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey", code)))
                .as("published within the retention: kept").isEqualTo(1);
        while (publisher.deletePublishedBefore(Instant.now().plusSeconds(1)) > 0) {
            // chunks until every published row before the cutoff is gone
        }
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.count("messageKey", code))).isZero();
    }

    private void awaitPublished(String key) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (unpublishedFor(key) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(unpublishedFor(key)).isZero();
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
