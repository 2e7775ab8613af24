package org.jpledger.reporting.consumer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.jpledger.reporting.Compliance.jp;
import static org.jpledger.reporting.LedgerEvents.freshNip;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Poison records written straight to the employees topic, on one partition among good events of the same employee: each
 * is parked once with a reason naming what is wrong, and the consumer goes on to apply every good event behind them.
 */
@QuarkusTest
class PoisonEventTest {

    private static final int YEAR = 2025;
    private static final String EMPLOYEE = EventTypes.EMPLOYEE_UPSERTED_V1;
    private static final String COMPLETION = EventTypes.COMPLETION_RECORDED_V1;
    private static final String UNIT = "BKD-JATENG";
    /** Just under the broker's and the producer's 1 MB limits on a record. */
    private static final int HUGE = 900 * 1024;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    private LedgerEvents events;
    private KafkaProducer<byte[], byte[]> producer;
    private Projections projections;
    private String nip;
    private int partition;

    /** A record sent, and the words its parked reason must contain (null: a good event, never parked). */
    private record Sent(String kind, RecordMetadata record, String reason) {
    }

    @BeforeEach
    void connect() {
        events = new LedgerEvents(bootstrapServers, mapper);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        projections = new Projections(dataSource);
        nip = freshNip();
    }

    @AfterEach
    void disconnect() {
        events.close();
        producer.close();
    }

    @Test
    void parksEachPoisonRecordOnceWithItsReasonAndAppliesEveryGoodEventBehindIt() {
        List<Sent> sent = new ArrayList<>();
        RecordMetadata first = events.employee(employee("Siti Rahayu", 1));
        partition = first.partition();
        sent.add(good("employee", first));

        sent.add(poison("garbage bytes", garbage(512), "not a CloudEvents JSON envelope"));
        sent.add(poison("invalid UTF-8", invalidUtf8(), "not a CloudEvents JSON envelope: Invalid UTF-8"));
        sent.add(good("first completion", events.completion(UUID.randomUUID(), 1, nip, "10", in(3))));
        sent.add(poison("empty value", new byte[0], "empty record value"));
        sent.add(poison("null value", null, "empty record value"));
        sent.add(poison("unknown event type", envelope("org.jpledger.employee.promoted.v1", employee("Siti", 9)),
                "unknown event type org.jpledger.employee.promoted.v1"));
        sent.add(poison("unsupported type version", envelope("org.jpledger.employee.upserted.v2", employee("Siti", 9)),
                "unknown event type org.jpledger.employee.upserted.v2"));
        sent.add(poison("unsupported CloudEvents version", changed(EMPLOYEE, employee("Siti Versi Dua", 9),
                e -> e.put("specversion", "2.0")), "unsupported CloudEvents specversion 2.0"));
        sent.add(good("second completion", events.completion(UUID.randomUUID(), 1, nip, "6", in(4))));
        sent.add(poison("missing fields", changed(EMPLOYEE, employee("Siti", 9),
                e -> data(e).remove(List.of("nip", "name"))), "missing or invalid nip, name"));
        sent.add(poison("field of the wrong type", changed(COMPLETION, completion("5", in(5)),
                e -> data(e).put("recognizedJp", "lima")), "does not match " + COMPLETION));
        sent.add(poison("no data", changed(EMPLOYEE, employee("Siti", 9), e -> e.remove("data")),
                "has no data object"));
        sent.add(poison("huge nested payload", hugeNesting(), "nesting depth"));
        sent.add(poison("huge unit code", envelope(EMPLOYEE, employeeIn(randomText(HUGE / 2), 9)),
                "missing or invalid unitCode, unitHistory"));
        sent.add(poison("NUL in the name", envelope(EMPLOYEE, employee("Siti\u0000Rahayu", 9)),
                "missing or invalid name"));
        sent.add(poison("date beyond the database's calendar", envelope(COMPLETION,
                completion("5", LocalDate.of(999_999, 3, 5))), "missing or invalid startDate, endDate"));
        sent.add(poison("time beyond the database's calendar", changed(EMPLOYEE, employee("Siti", 9),
                e -> e.put("time", "+100000-01-01T00:00:00Z")), "has no four-digit year"));
        sent.add(poison("JP of a million digits", changed(COMPLETION, completion("5", in(7)),
                e -> data(e).put("recognizedJp", new BigDecimal("1e1000000"))), "does not match " + COMPLETION));
        sent.add(poison("NUL in an unknown type", envelope("org.jpledger.employee\u0000.v1", employee("Siti", 9)),
                "unknown event type org.jpledger.employee\\u0000.v1"));
        sent.add(poisonWithKey("garbage key", new byte[] {0, (byte) 0xFF, (byte) 0xFE, 'x'}, garbage(64),
                "not a CloudEvents JSON envelope"));
        // A good completion, of an employee not known yet, under a key a text column cannot hold: it waits, held.
        RecordMetadata held = send("held under a NUL key", new byte[] {0, 'k'},
                envelope(COMPLETION, completionOf(freshNip(), "8", in(3))));
        sent.add(good("held under a NUL key", held));
        sent.add(good("employee renamed", events.employee(employee("Siti Rahayu Lestari", 2))));
        RecordMetadata last = events.completion(UUID.randomUUID(), 1, nip, "4", in(6));
        sent.add(good("third completion", last));

        Compliance.awaitUntil(nip, YEAR, answer -> answer.body("name", equalTo("Siti Rahayu Lestari"))
                .body("totalJp", jp("20")).body("completionCount", equalTo(3)));
        projections.awaitHandled(last);

        assertThat(sent).allSatisfy(s -> assertThat(s.record().partition()).as(s.kind()).isEqualTo(partition));
        for (Sent s : sent) {
            assertThat(parkedCount(s.record())).as("parked rows of %s", s.kind()).isEqualTo(s.reason() == null ? 0 : 1);
            if (s.reason() != null) {
                assertThat(parkedReason(s.record())).as("reason of %s", s.kind())
                        .hasValueSatisfying(reason -> assertThat(reason).containsIgnoringCase(s.reason()));
            }
        }
        assertThat(projections.single("SELECT record_key FROM held_event WHERE topic = ? AND partition = ? "
                + "AND record_offset = ?", held.topic(), held.partition(), held.offset())).contains("\\u0000k");
        assertThat(projections.nextOffset(last)).hasValue(last.offset() + 1);
        given().get("/api/v1/status").then().statusCode(200).body("consumerRunning", equalTo(true));
    }

    private Sent good(String kind, RecordMetadata record) {
        return new Sent(kind, record, null);
    }

    private Sent poison(String kind, byte[] value, String reason) {
        return poisonWithKey(kind, nip.getBytes(StandardCharsets.UTF_8), value, reason);
    }

    private Sent poisonWithKey(String kind, byte[] key, byte[] value, String reason) {
        return new Sent(kind, send(kind, key, value), reason);
    }

    /** Sends to the partition of this test's employee, whatever the key, and waits for the broker's acknowledgement. */
    private RecordMetadata send(String kind, byte[] key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(Topics.EMPLOYEES, partition, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(kind + " was not accepted by the broker", e.getCause());
        }
    }

    /** The 5th of {@code month} in the test's year. */
    private static LocalDate in(int month) {
        return LocalDate.of(YEAR, month, 5);
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private EmployeeUpserted employee(String name, long version) {
        return new EmployeeUpserted(nip, name, EmploymentType.PNS, PositionLevel.PELAKSANA, UNIT,
                LocalDate.of(2010, 1, 1), null, version, null);
    }

    private EmployeeUpserted employeeIn(String unit, long version) {
        return new EmployeeUpserted(nip, "Siti", EmploymentType.PNS, PositionLevel.PELAKSANA, unit,
                LocalDate.of(2010, 1, 1), null, version, List.of(new UnitAssignment(unit, LocalDate.of(2010, 1, 1))));
    }

    private CompletionRecorded completion(String recognizedJp, LocalDate endDate) {
        return completionOf(nip, recognizedJp, endDate);
    }

    private static CompletionRecorded completionOf(String nip, String recognizedJp, LocalDate endDate) {
        UUID id = UUID.randomUUID();
        BigDecimal jp = new BigDecimal(recognizedJp);
        return new CompletionRecorded(id, 1, nip, "Pelatihan Teknis", 1, TrainingMethod.KLASIKAL,
                CompetencyType.TEKNIS, DeliveryMode.LURING, "BPSDMD Provinsi Jawa Tengah", endDate, endDate,
                endDate.getYear(), jp, null, false, jp, null, "test", id.toString(), CompletionStatus.ACTIVE, 1, null);
    }

    private byte[] envelope(String type, Object payload) {
        return changed(type, payload, e -> {
        });
    }

    /** The event as training-service would write it, then changed by {@code change}. */
    private byte[] changed(String type, Object payload, Consumer<ObjectNode> change) {
        ObjectNode event = mapper.valueToTree(CloudEvent.of(UUID.randomUUID().toString(), LedgerEvents.SOURCE, type,
                nip, Instant.now(), payload));
        change.accept(event);
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An employee event whose name holds the bytes C3 28: a lead byte followed by no continuation byte. */
    private byte[] invalidUtf8() {
        String event = new String(envelope(EMPLOYEE, employee("Siti #", 9)), StandardCharsets.UTF_8);
        int hash = event.indexOf('#');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(event.substring(0, hash).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes(event.substring(hash + 1).getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** A known event whose data hides an array nested ~450,000 levels deep. */
    private byte[] hugeNesting() {
        String event = new String(envelope(EMPLOYEE, employee("Siti", 9)), StandardCharsets.UTF_8);
        int depth = HUGE / 2;
        return event.replaceFirst("\"data\":\\{", "\"data\":{\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + ",")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] garbage(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        bytes[0] = 0;
        return bytes;
    }

    /** Letters that do not compress, so that a database index cannot squeeze them under its row limit. */
    private static String randomText(int size) {
        Random random = new Random(size);
        StringBuilder text = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            text.append((char) ('A' + random.nextInt(26)));
        }
        return text.toString();
    }

    private long parkedCount(RecordMetadata record) {
        return Long.parseLong(projections.single("SELECT count(*) FROM parked_event WHERE topic = ? AND partition = ? "
                + "AND record_offset = ?", record.topic(), record.partition(), record.offset()).orElseThrow());
    }

    private Optional<String> parkedReason(RecordMetadata record) {
        return projections.single("SELECT reason FROM parked_event WHERE topic = ? AND partition = ? "
                + "AND record_offset = ?", record.topic(), record.partition(), record.offset());
    }
}
