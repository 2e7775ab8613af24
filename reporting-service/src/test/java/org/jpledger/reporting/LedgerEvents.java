package org.jpledger.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
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
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingMethod;

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
        return send(Topics.UNITS, code, EventTypes.UNIT_UPSERTED_V1, new UnitUpserted(code, name, null, version));
    }

    public RecordMetadata employee(String nip, String name, long version) {
        return send(Topics.EMPLOYEES, nip, EventTypes.EMPLOYEE_UPSERTED_V1, new EmployeeUpserted(nip, name,
                EmploymentType.PNS, PositionLevel.PELAKSANA, "BKD-JATENG", LocalDate.of(2010, 1, 1), null, version, null));
    }

    public RecordMetadata completion(UUID id, long version, String nip, String recognizedJp, LocalDate endDate) {
        return send(Topics.EMPLOYEES, nip, EventTypes.COMPLETION_RECORDED_V1, new CompletionRecorded(id, version, nip,
                "Pelatihan Teknis Analisis Jabatan", 1, TrainingMethod.KLASIKAL, CompetencyType.TEKNIS,
                DeliveryMode.LURING, "BPSDMD Provinsi Jawa Tengah", endDate.minusDays(2), endDate, endDate.getYear(),
                new BigDecimal(recognizedJp), null, false, new BigDecimal(recognizedJp), null, "test", id.toString(), null, 1, null));
    }

    /** Sends any bytes, readable or not, and waits for the broker's acknowledgement. */
    public RecordMetadata raw(String topic, String key, String value) {
        return sendBytes(topic, key, value.getBytes(StandardCharsets.UTF_8));
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
