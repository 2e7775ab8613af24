package org.jpledger.reporting.consumer;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.reporting.closing.standing.CorrectionRecorder;
import org.jpledger.reporting.closing.standing.StandingClosing;
import org.jpledger.reporting.parking.HeldEvents;
import org.jpledger.reporting.parking.ParkedEventRepository;
import org.jpledger.reporting.projection.CompletionFact;
import org.jpledger.reporting.projection.ComplianceProjector;
import org.jpledger.reporting.projection.ProjectionBatch;
import org.jpledger.reporting.projection.ProjectionLock;

/** Applies one poll's records and the offsets after them in a single transaction: all of it happens, or none. */
@ApplicationScoped
public class EventBatchApplier {

    private final EventParser parser;
    private final ComplianceProjector projector;
    private final ParkedEventRepository parkedEvents;
    private final OffsetStore offsets;
    private final ProjectionLock lock;
    private final HeldEvents held;
    private final Clock clock;
    private final CorrectionRecorder corrections;

    public EventBatchApplier(EventParser parser, ComplianceProjector projector, ParkedEventRepository parkedEvents,
            OffsetStore offsets, ProjectionLock lock, HeldEvents held, Clock clock, CorrectionRecorder corrections) {
        this.parser = parser;
        this.projector = projector;
        this.parkedEvents = parkedEvents;
        this.offsets = offsets;
        this.lock = lock;
        this.held = held;
        this.clock = clock;
        this.corrections = corrections;
    }

    @Transactional
    public BatchResult apply(List<ConsumerRecord<byte[], byte[]>> records) {
        // Before reading any projection row: a retry of parked events in progress must commit first.
        lock.shareWithOtherBatches();
        Instant now = clock.instant();
        int applied = 0;
        int ignored = 0;
        int parked = 0;
        Map<TopicPartition, Instant> eventTimes = new HashMap<>();
        List<ParsedRecord> parsedRecords = new ArrayList<>(records.size());
        List<Object> payloads = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            ParsedRecord parsed = parser.parse(record.topic(), record.value());
            parsedRecords.add(parsed);
            if (parsed instanceof ParsedRecord.Event event) {
                payloads.add(event.payload());
            }
        }
        ProjectionBatch batch = projector.begin(payloads);
        List<StandingClosing> closings = standingClosings(payloads, batch);
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            ParsedRecord parsed = parsedRecords.get(i);
            Instant eventTime = null;
            if (parsed instanceof ParsedRecord.Event event) {
                Log.debugf("Applying event %s (%s) from %s-%d@%d", event.envelope().id(), event.envelope().type(),
                        record.topic(), record.partition(), record.offset());
                CorrectionRecorder.Before before = event.payload() instanceof CompletionRecorded completion
                        && !closings.isEmpty() ? CorrectionRecorder.Before.of(batch.fact(completion.completionId())) : null;
                if (projector.apply(event.payload(), batch)) {
                    applied++;
                    if (event.payload() instanceof CompletionRecorded completion && !closings.isEmpty()) {
                        corrections.record(closings, completion, before, record.topic() + "-" + record.partition(),
                                record.offset(), event.envelope().time() == null ? now : event.envelope().time());
                    }
                } else {
                    ignored++;
                }
                holdOrRelease(record, event.payload(), batch, now);
                eventTime = event.envelope().time();
            } else if (parsed instanceof ParsedRecord.Rejected rejected) {
                parkedEvents.park(record, rejected.reason(), now);
                parked++;
                eventTime = rejected.time();
            }
            if (eventTime != null) {
                eventTimes.merge(new TopicPartition(record.topic(), record.partition()), eventTime, OffsetStore::later);
            }
        }
        projector.finish(batch);
        offsets.save(OffsetStore.nextOffsetsAfter(records), eventTimes, now);
        return new BatchResult(applied, ignored, parked);
    }

    /**
     * The standing closings of the years the batch's completions end in or ended in before: a completion event of a
     * closed year applied after its closing is a late correction of it.
     */
    private List<StandingClosing> standingClosings(List<Object> payloads, ProjectionBatch batch) {
        Set<Integer> years = new HashSet<>();
        for (Object payload : payloads) {
            if (payload instanceof CompletionRecorded completion) {
                years.add(completion.year());
                CompletionFact stored = batch.fact(completion.completionId());
                if (stored != null) {
                    years.add(stored.year);
                }
            }
        }
        return years.isEmpty() ? List.of() : corrections.standing(List.copyOf(years));
    }

    /** A completion of an employee not (yet) known waits for them; an employee's arrival ends the wait. */
    private void holdOrRelease(ConsumerRecord<byte[], byte[]> record, Object payload, ProjectionBatch batch,
            Instant now) {
        if (payload instanceof CompletionRecorded completion && !projector.knowsEmployee(completion.nip(), batch)) {
            held.hold(record, completion.nip(), now);
        } else if (payload instanceof EmployeeUpserted employee) {
            held.release(employee.nip());
        }
    }
}
