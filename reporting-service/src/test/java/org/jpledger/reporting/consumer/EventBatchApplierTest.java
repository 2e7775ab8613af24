package org.jpledger.reporting.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.EventSources;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.parking.replay.ParkedEventReplayer;
import org.jpledger.reporting.parking.replay.RetryResult;
import org.jpledger.reporting.projection.ProjectionLock;
import org.junit.jupiter.api.Test;

/**
 * A batch's offsets and the time of its newest events commit together, and batches keep out of the way of a retry of
 * parked events. Batches are handed to the applier directly, on a topic of each test's own (the poll loop does not read
 * it), with event times long past so the newest event time of the real topics stays theirs.
 */
@QuarkusTest
class EventBatchApplierTest {

    private static final Instant T1 = Instant.parse("2020-03-01T01:00:00Z");
    private static final Instant T2 = Instant.parse("2020-03-01T02:00:00Z");
    private static final Instant T3 = Instant.parse("2020-03-01T03:00:00Z");
    private static final Duration HELD = Duration.ofSeconds(1);
    private static final String UNTRUSTED_SOURCE = "/jpledger/training-service-impostor";

    @Inject
    EventBatchApplier applier;

    @Inject
    ParkedEventReplayer replayer;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    private final String topic = "applier-test-" + UUID.randomUUID();

    @Test
    void storesTheNewestEventTimeOfEachPartitionWithItsOffsets() {
        applier.apply(List.of(unitEvent(0, 0, T2), unitEvent(0, 1, T3), unitEvent(1, 0, T1), unitEvent(0, 2, T1)));

        assertThat(nextOffset(0)).contains("3");
        assertThat(lastEventTime(0)).contains(T3);
        assertThat(nextOffset(1)).contains("1");
        assertThat(lastEventTime(1)).contains(T1);
    }

    @Test
    void neverMovesAPartitionsEventTimeBackwards() {
        applier.apply(List.of(unitEvent(0, 0, T3)));
        applier.apply(List.of(unitEvent(0, 1, T1)));

        assertThat(nextOffset(0)).contains("2");
        assertThat(lastEventTime(0)).contains(T3);
    }

    @Test
    void countsTheTimeOfAParkedEventWhoseEnvelopeIsReadableButNoneForUnreadableBytes() {
        applier.apply(List.of(record(0, 0, "this is not an event {")));

        assertThat(nextOffset(0)).contains("1");
        assertThat(lastEventTime(0)).isEmpty();

        applier.apply(List.of(record(0, 1, """
                {"specversion":"1.0","id":"%s","source":"/jpledger/test","type":"org.jpledger.employee.promoted.v1",
                 "time":"%s","data":{}}""".formatted(UUID.randomUUID(), T2))));

        assertThat(parkedReason(1)).contains("unknown event type org.jpledger.employee.promoted.v1");
        assertThat(lastEventTime(0)).contains(T2);
    }

    @Test
    void parksARecordFromATopicItWasNotConfiguredToTrustAndMovesOn() {
        String untrusted = "untrusted-" + UUID.randomUUID();
        ConsumerRecord<byte[], byte[]> event = unitEvent(0, 0, T1, EventSources.TRAINING_SERVICE);
        ConsumerRecord<byte[], byte[]> onUntrustedTopic = new ConsumerRecord<>(untrusted, 0, 0, event.key(),
                event.value());

        assertThat(applier.apply(List.of(onUntrustedTopic))).isEqualTo(new BatchResult(0, 0, 1));
        assertThat(Sql.single(dataSource, "SELECT reason FROM parked_event WHERE topic = ?", untrusted))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("topic " + untrusted
                        + " is not one of the trusted topics"));
        assertThat(Sql.single(dataSource, "SELECT next_offset::text FROM consumer_offset WHERE topic = ?", untrusted))
                .contains("1");
    }

    @Test
    void parksAnEventFromAnUntrustedSourceAndARetryLeavesItParked() {
        ConsumerRecord<byte[], byte[]> impostor = unitEvent(0, 0, T1, UNTRUSTED_SOURCE);

        assertThat(applier.apply(List.of(impostor))).isEqualTo(new BatchResult(0, 0, 1));
        assertThat(parkedReason(0)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("comes from source " + UNTRUSTED_SOURCE + ", not one of the trusted sources"));
        assertThat(nextOffset(0)).contains("1");

        long id = Long.parseLong(Sql.single(dataSource, "SELECT id::text FROM parked_event WHERE topic = ?", topic)
                .orElseThrow());
        Optional<RetryResult> retry = QuarkusTransaction.requiringNew().call(() -> replayer.retry(id, Instant.now()));

        assertThat(retry).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(RetryResult.Outcome.STILL_PARKED));
        assertThat(parkedReason(0)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("not one of the trusted sources"));
    }

    @Test
    void aBatchWaitsWhileARetryOfParkedEventsHoldsTheProjectionLock() throws Exception {
        CompletableFuture<BatchResult> batch;
        try (AutoCloseable retry = Sql.holdAdvisoryLock(dataSource, "pg_advisory_xact_lock", ProjectionLock.KEY)) {
            batch = CompletableFuture.supplyAsync(() -> applier.apply(List.of(unitEvent(0, 0, T1))));
            Thread.sleep(HELD.toMillis());

            assertThat(batch).isNotDone();
            assertThat(nextOffset(0)).isEmpty();
        }

        assertThat(batch.get(10, TimeUnit.SECONDS)).isEqualTo(new BatchResult(1, 0, 0));
        assertThat(nextOffset(0)).contains("1");
    }

    @Test
    void batchesDoNotWaitForEachOther() throws Exception {
        try (AutoCloseable otherBatch = Sql.holdAdvisoryLock(dataSource, "pg_advisory_xact_lock_shared",
                ProjectionLock.KEY)) {
            BatchResult result = CompletableFuture.supplyAsync(() -> applier.apply(List.of(unitEvent(0, 0, T1))))
                    .get(10, TimeUnit.SECONDS);

            assertThat(result).isEqualTo(new BatchResult(1, 0, 0));
        }
    }

    private ConsumerRecord<byte[], byte[]> unitEvent(int partition, long offset, Instant time) {
        return unitEvent(partition, offset, time, "/jpledger/test");
    }

    private ConsumerRecord<byte[], byte[]> unitEvent(int partition, long offset, Instant time, String source) {
        String code = "UNIT-" + UUID.randomUUID();
        CloudEvent<UnitUpserted> event = CloudEvent.of(UUID.randomUUID().toString(), source,
                EventTypes.UNIT_UPSERTED_V1, code, time, new UnitUpserted(code, "Bagian Umum", null, 1));
        try {
            return new ConsumerRecord<>(topic, partition, offset, code.getBytes(StandardCharsets.UTF_8),
                    mapper.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ConsumerRecord<byte[], byte[]> record(int partition, long offset, String value) {
        return new ConsumerRecord<>(topic, partition, offset, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> nextOffset(int partition) {
        return Sql.single(dataSource, "SELECT next_offset::text FROM consumer_offset WHERE topic = ? AND partition = ?",
                topic, partition);
    }

    private Optional<Instant> lastEventTime(int partition) {
        return Sql.single(dataSource, "SELECT to_char(last_event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                + " FROM consumer_offset WHERE topic = ? AND partition = ?", topic, partition).map(Instant::parse);
    }

    private Optional<String> parkedReason(long offset) {
        return Sql.single(dataSource, "SELECT reason FROM parked_event WHERE topic = ? AND record_offset = ?", topic,
                offset);
    }
}
