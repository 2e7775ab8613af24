package org.jpledger.reporting.parking.replay;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.jpledger.reporting.consumer.EventParser;
import org.jpledger.reporting.consumer.OffsetStore;
import org.jpledger.reporting.consumer.ParsedRecord;
import org.jpledger.reporting.parking.ParkedEvent;
import org.jpledger.reporting.parking.ParkedEventRepository;
import org.jpledger.reporting.projection.ComplianceProjector;
import org.jpledger.reporting.projection.ProjectionLock;

/**
 * Applies a parked record again the way the poll loop applies a fresh one: parsed by the {@link EventParser}, applied
 * by the {@link ComplianceProjector}, so versions decide as usual and an old event changes nothing newer. A record that
 * now applies (or is now recognised as a duplicate) leaves the parked table; the topic still holds the original.
 */
@ApplicationScoped
public class ParkedEventReplayer {

    private final EventParser parser;
    private final ComplianceProjector projector;
    private final ParkedEventRepository parkedEvents;
    private final OffsetStore offsets;
    private final ProjectionLock lock;

    public ParkedEventReplayer(EventParser parser, ComplianceProjector projector, ParkedEventRepository parkedEvents,
            OffsetStore offsets, ProjectionLock lock) {
        this.parser = parser;
        this.projector = projector;
        this.parkedEvents = parkedEvents;
        this.offsets = offsets;
        this.lock = lock;
    }

    /**
     * Retries one parked record in the caller's transaction, whose rollback undoes all of it.
     *
     * @return empty when no record is parked under {@code id} (any more)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RetryResult> retry(long id, Instant now) {
        // Taken before the parked row is read, so two retries of one row run one after the other.
        lock.takeAlone();
        ParkedEvent parked = parkedEvents.findById(id);
        if (parked == null) {
            return Optional.empty();
        }
        int retryCount = parked.retryCount + 1;
        ParsedRecord parsed = parser.parse(parked.topic, parked.recordValue);
        if (parsed instanceof ParsedRecord.Rejected rejected) {
            return Optional.of(stillParked(parked, rejected.reason(), now));
        }
        ParsedRecord.Event event = (ParsedRecord.Event) parsed;
        boolean changed = projector.apply(event.payload());
        if (event.envelope().time() != null) {
            offsets.noteEventTime(parked.topic, parked.partition, event.envelope().time());
        }
        parkedEvents.delete(parked);
        // Written now, so a change the database refuses fails here and the log line below only follows a real write.
        parkedEvents.flush();
        Log.infof("Parked record %d (%s-%d@%d, event %s) %s on retry and removed from the parked events", id,
                parked.topic, parked.partition, parked.recordOffset, event.envelope().id(),
                changed ? "applied" : "ignored as a duplicate or stale");
        return Optional.of(new RetryResult(id, changed ? RetryResult.Outcome.APPLIED : RetryResult.Outcome.IGNORED, null,
                retryCount, now));
    }

    /**
     * Records a retry whose transaction failed (the database refused the change), in a transaction of its own.
     *
     * @return empty when no record is parked under {@code id} (any more)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<RetryResult> recordFailure(long id, String reason, Instant now) {
        return Optional.ofNullable(parkedEvents.findById(id)).map(parked -> stillParked(parked, reason, now));
    }

    private static RetryResult stillParked(ParkedEvent parked, String reason, Instant now) {
        parked.retryCount++;
        parked.lastRetryAt = now;
        parked.reason = reason;
        Log.infof("Parked record %d (%s-%d@%d) still parked after retry %d: %s", parked.id, parked.topic,
                parked.partition, parked.recordOffset, parked.retryCount, reason);
        return new RetryResult(parked.id, RetryResult.Outcome.STILL_PARKED, reason, parked.retryCount, now);
    }
}
