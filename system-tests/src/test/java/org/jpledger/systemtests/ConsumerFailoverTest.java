package org.jpledger.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * Two reporting-service processes share the consumer group and the database; one is killed (SIGKILL) in the middle of a
 * stream of a few thousand events with amendments, voids, duplicates and stale redeliveries. The survivor takes over
 * its partitions, and once the stream is drained every employee's yearly total and count are exactly the sums of the
 * newest active version of each completion.
 */
class ConsumerFailoverTest {

    private static final long SEED = 20260702L;
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String GROUP = "reporting-service";
    private static final String SOURCE = "/jpledger/failover-test";
    private static final int PARTITIONS = 6;
    private static final String UNIT = "FAILOVER-UNIT";
    private static final int EMPLOYEES = 60;
    private static final int COMPLETIONS = 2000;
    private static final int[] YEARS = {2024, 2025, 2026};
    private static final String[] JP = {"2", "3", "4.5", "8", "10", "12.25", "16", "20", "24"};

    @TempDir
    static Path work;

    private static PostgresServer postgres;
    private static KafkaBroker broker;
    private static ServiceProcess victim;
    private static ServiceProcess survivor;
    private static LocalKeys keys;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresServer.startThrowaway().createDatabaseIfMissing("reporting");
        broker = KafkaBroker.startThrowaway();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(Topics.UNITS, PARTITIONS, (short) 1),
                    new NewTopic(Topics.EMPLOYEES, PARTITIONS, (short) 1))).all().get();
        }
        keys = LocalKeys.in(work.resolve("keys"));
        StackTokens.authorizeEverything(keys);
        victim = reporting("reporting-a");
        survivor = reporting("reporting-b");
        victim.awaitReady(Duration.ofMinutes(3));
        survivor.awaitReady(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable part : new AutoCloseable[] {victim, survivor, broker, postgres}) {
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
    void theSurvivorTakesOverAKilledInstancesPartitionsAndTheTotalsComeOutExact() throws Exception {
        Story story = new Story(new Random(SEED));
        System.out.printf("ConsumerFailoverTest: seed %d, %d events%n", SEED, story.events.size());
        int half = story.events.size() / 2;
        await().atMost(PATIENCE).ignoreExceptions().until(() -> membersWithPartitions() == 2);

        Map<Integer, Long> ends = new HashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            publish(producer, story.events.subList(0, half), ends);
            // Killed while it works through the first half: its open batch, if any, rolls back with the connection.
            await().atMost(PATIENCE).until(() -> committed() >= half / 4);
            long beforeKill = committed();
            victim.kill();
            System.out.printf("ConsumerFailoverTest: killed %s with %d of %d events applied%n", victim.name(),
                    beforeKill, story.events.size());
            publish(producer, story.events.subList(half, story.events.size()), ends);
        }

        long killedAt = System.nanoTime();
        await().atMost(PATIENCE).until(() -> drained(ends));
        System.out.printf("ConsumerFailoverTest: drained %d s after the kill%n",
                Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());
        JsonPath status = status();
        assertThat(status.getList("partitions.findAll { it.topic == '" + Topics.EMPLOYEES + "' }.assignedHere",
                Boolean.class)).as("the survivor reads every partition").hasSize(PARTITIONS).containsOnly(true);

        Map<String, String> expected = new TreeMap<>();
        Map<String, String> actual = new TreeMap<>();
        for (String nip : story.nips) {
            for (int year : YEARS) {
                Totals totals = story.expected(nip, year);
                expected.put(nip + " " + year, totals.jp.stripTrailingZeros().toPlainString() + " JP in " + totals.count);
                JsonPath body = given().baseUri(survivor.baseUrl()).queryParam("year", year)
                        .get("/api/v1/compliance/employees/{nip}", nip).then().statusCode(200).extract().jsonPath();
                actual.put(nip + " " + year, new BigDecimal(body.getString("totalJp")).stripTrailingZeros()
                        .toPlainString() + " JP in " + body.getInt("completionCount"));
            }
        }
        assertThat(actual).as("yearly totals, seed %d", SEED).isEqualTo(expected);
    }

    private static ServiceProcess reporting(String name) {
        return ServiceProcess.start(name,
                ProjectRoot.path().resolve("reporting-service/target/quarkus-app/quarkus-run.jar"), LoopbackPorts.free(),
                StackTokens.trusting(keys, Map.of("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("reporting"),
                        "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                        "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.USER,
                        "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                        "JPLEDGER_CONSUMER_GROUP_ID", GROUP,
                        // The test publishes as a producer of its own, which the consumer must be told to trust.
                        "JPLEDGER_CONSUMER_TRUSTED_SOURCES", SOURCE,
                        // Small batches so the stream takes a while; a short session so the group notices the kill soon.
                        "JPLEDGER_CONSUMER_MAX_POLL_RECORDS", "20",
                        "JAVA_TOOL_OPTIONS", "-Dkafka.session.timeout.ms=6000 -Dkafka.heartbeat.interval.ms=1000")),
                work.resolve(name + ".log"));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static long membersWithPartitions() throws Exception {
        try (Admin admin = admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            return group.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        }
    }

    private static void publish(KafkaProducer<String, String> producer, List<Event> events, Map<Integer, Long> ends)
            throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Event event : events) {
            sent.add(producer.send(new ProducerRecord<>(event.topic, event.key, event.json)));
        }
        for (Future<RecordMetadata> future : sent) {
            RecordMetadata metadata = future.get();
            if (metadata.topic().equals(Topics.EMPLOYEES)) {
                ends.merge(metadata.partition(), metadata.offset() + 1, Math::max);
            }
        }
    }

    private static JsonPath status() {
        return given().baseUri(survivor.baseUrl()).get("/api/v1/status").then().statusCode(200).extract().jsonPath();
    }

    /** Records of both topics applied so far by either instance, from the offsets stored with the projections. */
    private static long committed() {
        return status().getList("partitions.nextOffset", Number.class).stream()
                .mapToLong(offset -> offset == null ? 0 : offset.longValue()).sum();
    }

    private static boolean drained(Map<Integer, Long> ends) {
        JsonPath status = status();
        for (Map.Entry<Integer, Long> end : ends.entrySet()) {
            Object next = status.get("partitions.find { it.topic == '" + Topics.EMPLOYEES + "' && it.partition == "
                    + end.getKey() + " }.nextOffset");
            if (next == null || Long.parseLong(next.toString()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private record Event(String topic, String key, String json) {
    }

    private record Totals(BigDecimal jp, int count) {
    }

    /** One completion's state in one version. */
    private record Completion(UUID id, long version, String nip, int year, String jp, boolean active) {
    }

    /**
     * The seeded stream: one unit, employees in service since 2010, and completions recorded, sometimes amended (maybe
     * into another year) and voided, with duplicates and stale versions sent again later.
     */
    private static final class Story {

        final List<String> nips = new ArrayList<>();
        final List<Event> events = new ArrayList<>();
        private final Map<UUID, Completion> newest = new HashMap<>();

        Story(Random random) {
            events.add(new Event(Topics.UNITS, UNIT, envelope("org.jpledger.unit.upserted.v1", UNIT, """
                    {"code":"%s","name":"Unit failover","parentCode":null,"version":1}""".formatted(UNIT))));
            for (int i = 0; i < EMPLOYEES; i++) {
                String nip = "197001012000" + String.format("%06d", i);
                nips.add(nip);
                events.add(new Event(Topics.EMPLOYEES, nip, envelope("org.jpledger.employee.upserted.v1", nip, """
                        {"nip":"%s","name":"Pegawai %d","employmentType":"PNS","positionLevel":"PELAKSANA",
                         "unitCode":"%s","employedFrom":"2010-01-01","employedUntil":null,"version":1}"""
                        .formatted(nip, i, UNIT))));
            }
            List<List<Completion>> pending = new ArrayList<>();
            for (int i = 0; i < COMPLETIONS; i++) {
                UUID id = new UUID(random.nextLong(), random.nextLong());
                String nip = nips.get(random.nextInt(nips.size()));
                List<Completion> versions = new ArrayList<>();
                versions.add(new Completion(id, 1, nip, year(random), JP[random.nextInt(JP.length)], true));
                if (random.nextInt(10) < 3) {
                    versions.add(new Completion(id, 2, nip, year(random), JP[random.nextInt(JP.length)], true));
                }
                if (random.nextInt(7) == 0) {
                    Completion last = versions.get(versions.size() - 1);
                    versions.add(new Completion(id, last.version + 1, nip, last.year, last.jp, false));
                }
                newest.put(id, versions.get(versions.size() - 1));
                pending.add(versions);
            }
            List<Completion> order = new ArrayList<>();
            while (!pending.isEmpty()) {
                int i = random.nextInt(pending.size());
                order.add(pending.get(i).remove(0));
                if (pending.get(i).isEmpty()) {
                    pending.remove(i);
                }
            }
            // Exact duplicates and stale redeliveries: an event sent again later, after any newer version of it.
            for (int i = order.size() / 6; i > 0; i--) {
                int from = random.nextInt(order.size());
                order.add(from + 1 + random.nextInt(order.size() - from), order.get(from));
            }
            order.forEach(completion -> events.add(event(completion)));
        }

        Totals expected(String nip, int year) {
            BigDecimal jp = BigDecimal.ZERO;
            int count = 0;
            for (Completion completion : newest.values()) {
                if (completion.active && completion.nip.equals(nip) && completion.year == year) {
                    jp = jp.add(new BigDecimal(completion.jp));
                    count++;
                }
            }
            return new Totals(jp, count);
        }

        private static int year(Random random) {
            return YEARS[random.nextInt(YEARS.length)];
        }

        private static Event event(Completion c) {
            String type = !c.active ? "org.jpledger.completion.voided.v1"
                    : c.version == 1 ? "org.jpledger.completion.recorded.v1" : "org.jpledger.completion.amended.v1";
            String day = c.year + "-03-10";
            String data = """
                    {"completionId":"%s","version":%d,"nip":"%s","title":"Pelatihan","kindId":1,"method":"KLASIKAL",
                     "competencyType":"TEKNIS","deliveryMode":"LURING","provider":"BPSDM","startDate":"%s",
                     "endDate":"%s","year":%d,"jp":%s,"days":null,"international":false,"recognizedJp":%s,
                     "certificateNumber":null,"sourceSystem":"failover","externalId":"%s","status":"%s",
                     "ruleVersion":1,"voidReason":%s}""".formatted(c.id, c.version, c.nip, day, day, c.year, c.jp,
                    c.jp, c.id, c.active ? "ACTIVE" : "VOIDED", c.active ? "null" : "\"Sertifikat tidak sah\"");
            return new Event(Topics.EMPLOYEES, c.nip, envelope(type, c.nip, data));
        }

        private static String envelope(String type, String subject, String data) {
            return """
                    {"specversion":"1.0","id":"%s","source":"%s","type":"%s","subject":"%s",
                     "time":"%s","datacontenttype":"application/json","data":%s}""".formatted(UUID.randomUUID(), SOURCE,
                    type, subject, Instant.now(), data);
        }
    }
}
