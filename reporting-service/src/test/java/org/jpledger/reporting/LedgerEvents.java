package org.jpledger.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.GoldenFiles;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;

/** Publishes ledger events to the real test broker the way training-service does: CloudEvents JSON keyed by aggregate. */
public final class LedgerEvents implements AutoCloseable {

    public static final String SOURCE = "/jpledger/test";
    private static final AtomicLong NEXT_NIP = new AtomicLong();

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper mapper;

    public LedgerEvents(String bootstrapServers, ObjectMapper mapper) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        this.mapper = mapper;
    }

    /** An 18-digit NIP no other test of this run uses (the database is new for every run). */
    public static String freshNip() {
        return String.format("198503122010012%03d", NEXT_NIP.incrementAndGet());
    }

    public RecordMetadata unit(String code, String name, long version) {
        return unit(code, name, null, version);
    }

    public RecordMetadata unit(String code, String name, String parentCode, long version) {
        return send(Topics.UNITS, code, EventTypes.UNIT_UPSERTED_V1, new UnitUpserted(code, name, parentCode, version));
    }

    /** Any state of a unit, as training-service publishes it (with its history, dissolution and successor). */
    public RecordMetadata unit(UnitUpserted unit) {
        return send(Topics.UNITS, unit.code(), EventTypes.UNIT_UPSERTED_V1, unit);
    }

    /** Any state of an employee, as training-service publishes it. */
    public RecordMetadata employee(EmployeeUpserted employee) {
        return send(Topics.EMPLOYEES, employee.nip(), EventTypes.EMPLOYEE_UPSERTED_V1, employee);
    }

    /** Any state of a completion; its status decides the event type (voided or recorded). */
    public RecordMetadata completion(CompletionRecorded completion) {
        return send(Topics.EMPLOYEES, completion.nip(), completion.active() ? EventTypes.COMPLETION_RECORDED_V1
                : EventTypes.COMPLETION_VOIDED_V1, completion);
    }

    /** A new version of a completion that is still active, sent as an amendment. */
    public RecordMetadata amended(CompletionRecorded completion) {
        return send(Topics.EMPLOYEES, completion.nip(), EventTypes.COMPLETION_AMENDED_V1, completion);
    }

    /** A new version of a completion whose verification state or flags changed, sent as a review. */
    public RecordMetadata reviewed(CompletionRecorded completion) {
        return send(Topics.EMPLOYEES, completion.nip(), EventTypes.COMPLETION_REVIEWED_V1, completion);
    }

    /** {@code completion} as of {@code version}, in {@code state} and with {@code flags}, its content the same. */
    public static CompletionRecorded reviewedAs(CompletionRecorded c, long version, VerificationState state,
            List<CompletionFlag> flags) {
        return new CompletionRecorded(c.completionId(), version, c.nip(), c.title(), c.kindId(), c.method(),
                c.competencyType(), c.deliveryMode(), c.provider(), c.startDate(), c.endDate(), c.year(), c.jp(),
                c.days(), c.international(), c.recognizedJp(), c.certificateNumber(), c.sourceSystem(),
                c.externalId(), c.status(), c.ruleVersion(), c.voidReason(), flags, "verifier", state,
                c.duplicateOf());
    }

    /** A new active completion (version 1) of the given kind of training. */
    public static CompletionRecorded completionOf(String nip, String recognizedJp, LocalDate endDate,
            CompetencyType competencyType, TrainingMethod method, DeliveryMode deliveryMode) {
        UUID id = UUID.randomUUID();
        BigDecimal jp = new BigDecimal(recognizedJp);
        return new CompletionRecorded(id, 1, nip, "Pelatihan " + competencyType, 1, method, competencyType,
                deliveryMode, "BPSDMD Provinsi Jawa Tengah", endDate, endDate, endDate.getYear(), jp, null, false, jp,
                null, "test", id.toString(), CompletionStatus.ACTIVE, 1, null);
    }

    public RecordMetadata employee(String nip, String name, long version) {
        return send(Topics.EMPLOYEES, nip, EventTypes.EMPLOYEE_UPSERTED_V1, new EmployeeUpserted(nip, name,
                EmploymentType.PNS, PositionLevel.PELAKSANA, "BKD-JATENG", LocalDate.of(2010, 1, 1), null, version, null));
    }

    /** A completion as recorded, active, counting in the year of {@code endDate}. */
    public RecordMetadata completion(UUID id, long version, String nip, String recognizedJp, LocalDate endDate) {
        return send(Topics.EMPLOYEES, nip, EventTypes.COMPLETION_RECORDED_V1,
                completionState(id, version, nip, recognizedJp, endDate, CompletionStatus.ACTIVE, null));
    }

    /** A new version of a completion with new content, still active. */
    public RecordMetadata amended(UUID id, long version, String nip, String recognizedJp, LocalDate endDate) {
        return send(Topics.EMPLOYEES, nip, EventTypes.COMPLETION_AMENDED_V1,
                completionState(id, version, nip, recognizedJp, endDate, CompletionStatus.ACTIVE, null));
    }

    /** A completion voided by its {@code version}; the rest is its content as last recorded or amended. */
    public RecordMetadata voided(UUID id, long version, String nip, String recognizedJp, LocalDate endDate,
            String reason) {
        return send(Topics.EMPLOYEES, nip, EventTypes.COMPLETION_VOIDED_V1,
                completionState(id, version, nip, recognizedJp, endDate, CompletionStatus.VOIDED, reason));
    }

    /**
     * Sends a completion golden file byte-for-byte in shape, with only its event id, NIP and completion id replaced, so
     * tests can replay it for an employee and completion of their own.
     */
    public RecordMetadata goldenCompletion(String goldenFile, UUID completionId, String nip) {
        try {
            ObjectNode event = (ObjectNode) mapper.readTree(GoldenFiles.read(goldenFile));
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", nip);
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("nip", nip);
            data.put("completionId", completionId.toString());
            return sendBytes(Topics.EMPLOYEES, nip, mapper.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends any bytes, readable or not, and waits for the broker's acknowledgement. */
    public RecordMetadata raw(String topic, String key, String value) {
        return sendBytes(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static CompletionRecorded completionState(UUID id, long version, String nip, String recognizedJp,
            LocalDate endDate, CompletionStatus status, String voidReason) {
        BigDecimal jp = new BigDecimal(recognizedJp);
        return new CompletionRecorded(id, version, nip, "Pelatihan Teknis Analisis Jabatan", 1,
                TrainingMethod.KLASIKAL, CompetencyType.TEKNIS, DeliveryMode.LURING, "BPSDMD Provinsi Jawa Tengah",
                endDate.minusDays(2), endDate, endDate.getYear(), jp, null, false, jp, null, "test", id.toString(),
                status, 1, voidReason);
    }

    private RecordMetadata send(String topic, String key, String type, Object payload) {
        CloudEvent<Object> event = CloudEvent.of(UUID.randomUUID().toString(), SOURCE, type, key, Instant.now(), payload);
        try {
            return sendBytes(topic, key, mapper.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private RecordMetadata sendBytes(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
