package org.jpledger.reporting.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jpledger.reporting.api.ParkedEventPage;
import org.jpledger.reporting.api.ParkedEventResponse;
import org.jpledger.reporting.api.RetryAllResponse;
import org.jpledger.reporting.api.RetryResponse;
import org.jpledger.reporting.config.EventConsumerConfig;
import org.jpledger.reporting.parking.ParkedEvent;
import org.jpledger.reporting.parking.ParkedEventRepository;
import org.jpledger.reporting.parking.replay.ParkedEventReplayer;
import org.jpledger.reporting.parking.replay.RetryResult;
import org.jpledger.support.paging.Cursor;

/**
 * Lists parked events and retries them. Each retry runs in its own transaction (a retry of all of them, one page per
 * transaction), holding the consumer's batches back meanwhile; a retry the database refuses is recorded on the parked
 * row in a transaction of its own, so the row keeps the reason.
 */
@ApplicationScoped
public class ParkedEventService {

    /** The kind of the parked events' cursors: base64url of "id:" and the id the page ended at. */
    public static final String CURSOR_KIND = "id";

    private final ParkedEventRepository parkedEvents;
    private final ParkedEventReplayer replayer;
    private final EventConsumerConfig config;
    private final Clock clock;

    public ParkedEventService(ParkedEventRepository parkedEvents, ParkedEventReplayer replayer, EventConsumerConfig config,
            Clock clock) {
        this.parkedEvents = parkedEvents;
        this.replayer = replayer;
        this.config = config;
        this.clock = clock;
    }

    /** Up to {@code limit} parked events, newest first, older than {@code beforeId} when given. */
    @Transactional
    public ParkedEventPage list(int limit, Long beforeId) {
        List<ParkedEvent> rows = parkedEvents.newestFirst(beforeId, limit + 1);
        boolean more = rows.size() > limit;
        List<ParkedEvent> page = more ? rows.subList(0, limit) : rows;
        return new ParkedEventPage(page.stream().map(ParkedEventResponse::from).toList(),
                more ? Cursor.after(CURSOR_KIND, page.get(page.size() - 1).id) : null);
    }

    /** Retries one parked event. */
    public RetryResponse retry(long id) {
        return RetryResponse.from(retryAlone(id).orElseThrow(() -> new ParkedEventNotFoundException(id)));
    }

    /**
     * Retries every event parked when the call starts, oldest first, a page per transaction; events parked meanwhile
     * wait for the next call, so it always ends.
     */
    public RetryAllResponse retryAll() {
        Optional<Long> newest = QuarkusTransaction.requiringNew().call(parkedEvents::newestId);
        int retried = 0;
        int applied = 0;
        int ignored = 0;
        int stillParked = 0;
        long after = 0;
        while (newest.isPresent()) {
            long from = after;
            List<Long> ids = QuarkusTransaction.requiringNew()
                    .call(() -> parkedEvents.idsBetween(from, newest.get(), config.retryPageSize()));
            if (ids.isEmpty()) {
                break;
            }
            for (RetryResult result : retryPage(ids)) {
                retried++;
                switch (result.outcome()) {
                    case APPLIED -> applied++;
                    case IGNORED -> ignored++;
                    case STILL_PARKED -> stillParked++;
                }
            }
            after = ids.get(ids.size() - 1);
        }
        Log.infof("Retried %d parked events: %d applied, %d ignored, %d still parked", retried, applied, ignored,
                stillParked);
        return new RetryAllResponse(retried, applied, ignored, stillParked);
    }

    private List<RetryResult> retryPage(List<Long> ids) {
        Instant now = clock.instant();
        try {
            return QuarkusTransaction.requiringNew().call(() -> ids.stream()
                    .map(id -> replayer.retry(id, now))
                    .flatMap(Optional::stream)
                    .toList());
        } catch (RuntimeException e) {
            // The database refused one of them and the page rolled back: one by one, so it holds back only itself.
            Log.warnf("Retrying parked events %d to %d together failed (%s); retrying them one by one", ids.get(0),
                    ids.get(ids.size() - 1), e.getMessage());
            return ids.stream().map(this::retryAlone).flatMap(Optional::stream).toList();
        }
    }

    private Optional<RetryResult> retryAlone(long id) {
        Instant now = clock.instant();
        try {
            return QuarkusTransaction.requiringNew().call(() -> replayer.retry(id, now));
        } catch (RuntimeException e) {
            Log.warnf(e, "Retrying parked event %d failed; it stays parked", id);
            String reason = "could not be applied: " + rootMessage(e);
            return QuarkusTransaction.requiringNew().call(() -> replayer.recordFailure(id, reason, now));
        }
    }

    /** The first line of the innermost cause's message: the database's own words, without its context lines. */
    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
