package org.jpledger.reporting.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.jpledger.reporting.closing.Closing;
import org.jpledger.reporting.closing.YearClosings;
import org.jpledger.reporting.rebuild.RebuildSchema;
import org.jpledger.reporting.rebuild.ReplayTurn;
import org.jpledger.reporting.rebuild.TopicReplay;
import org.jpledger.reporting.rebuild.TopicReplays;

/**
 * Verifies that a closing's snapshot is reproducible from the ledger: replays the topics from their earliest offsets up
 * to the offsets the closing stored, into fresh copies of the projection tables in schema {@code verify}, rates the
 * closing's scope there with the closing's own policies and day, and compares the rows with the snapshot. Nothing live
 * is touched: the live consumer and the queries go on, and the copies are dropped at the end. One replay runs at a time
 * on an instance ({@link ReplayTurn}): a verification is refused while a rebuild or another verification runs, and a
 * rebuild while a verification runs. Runs on a thread of its own; the latest verification of each year is kept in memory.
 */
@ApplicationScoped
public class ClosingVerification {

    /** The schema of the replayed copies. */
    static final String SCHEMA = "verify";
    /** The rating and comparison run in one transaction; a national scope takes minutes at scale. */
    private static final int COMPARE_TIMEOUT_SECONDS = 3600;

    private final YearClosings closings;
    private final ClosingSnapshots snapshots;
    private final SnapshotSource source;
    private final TopicReplays replays;
    private final RebuildSchema schema;
    private final ReplayTurn turn;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<Integer, Verification> latest = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public ClosingVerification(YearClosings closings, ClosingSnapshots snapshots, SnapshotSource source,
            TopicReplays replays, RebuildSchema schema, ReplayTurn turn, ObjectMapper mapper, Clock clock) {
        this.closings = closings;
        this.snapshots = snapshots;
        this.source = source;
        this.replays = replays;
        this.schema = schema;
        this.turn = turn;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Starts verifying the closing of {@code year} for the subtree of {@code unitCode} (the whole organisation when
     * null): version {@code version}, or the standing one when null. Refused (404) without such a closing, and (409)
     * while a rebuild or a verification runs on this instance.
     */
    public Verification start(int year, String unitCode, Integer version) {
        Closing closing = QuarkusTransaction.requiringNew().call(() -> version == null
                ? closings.standing(year).stream().filter(c -> Objects.equals(c.unitCode(), unitCode)).findFirst()
                : closings.version(year, unitCode, version)).orElseThrow(() -> new ClosingNotFoundException(
                (version == null ? "No standing closing" : "No closing version " + version) + " of " + year + " for "
                        + (unitCode == null ? "the whole organisation" : "unit " + unitCode)
                        + (version == null ? "; name a version to verify a reopened one." : ".")));
        ReplayTurn.Replay replay = new ReplayTurn.Replay("A verification of a closing",
                "/api/v1/years/" + closing.year() + "/closing/verify");
        turn.take(replay);
        Verification started = Verification.running(closing, clock.instant());
        latest.put(year, started);
        try {
            Thread thread = new Thread(() -> run(closing, replay), "jpledger-closing-verification");
            thread.setDaemon(true);
            thread.start();
        } catch (RuntimeException | Error e) {
            turn.release(replay);
            throw e;
        }
        return started;
    }

    /** The latest verification of {@code year} started on this instance. */
    public Optional<Verification> latest(int year) {
        return Optional.ofNullable(latest.get(year));
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void run(Closing closing, ReplayTurn.Replay replay) {
        Verification end = null;
        try {
            end = verify(closing);
        } catch (RuntimeException e) {
            Log.errorf(e, "Verifying closing %d (%d v%d) failed", closing.id(), closing.year(), closing.version());
            end = current(closing).failed(e.toString(), clock.instant());
        } finally {
            try {
                schema.drop(SCHEMA);
            } catch (RuntimeException e) {
                Log.warnf("Dropping schema %s after a verification failed (%s); the next one drops it", SCHEMA, e);
            }
            // The turn is free before the end shows, so that whoever sees it may start another replay at once.
            turn.release(replay);
            latest.put(closing.year(), end != null ? end
                    : current(closing).failed("ended without a result", clock.instant()));
        }
    }

    private Verification verify(Closing closing) {
        try (TopicReplay replay = replays.open(SCHEMA, "reporting-service-verify")) {
            Map<TopicPartition, Long> until = until(closing, replay.partitions());
            List<LostEvents> lost = LostEvents.of(until, replay.logStartOffsets(), replay.endOffsets());
            if (!lost.isEmpty()) {
                Log.warnf("Closing %d cannot be verified: the topics lost events it saw: %s", closing.id(), lost);
                return current(closing).cannotVerify(lost, clock.instant());
            }
            schema.create(SCHEMA);
            Log.infof("Verifying closing %d (%d v%d): replaying %s up to %s", closing.id(), closing.year(),
                    closing.version(), replay.partitions(), until);
            while (!replay.caughtUp(until, 0)) {
                if (stopping) {
                    throw new IllegalStateException("shutting down during the replay");
                }
                int replayed = replay.replayOnce(until, false);
                latest.computeIfPresent(closing.year(), (year, now) -> now.replayed(replayed));
            }
            SnapshotComparison.Result result = QuarkusTransaction.requiringNew().timeout(COMPARE_TIMEOUT_SECONDS)
                    .call(() -> {
                        schema.useInThisTransaction(SCHEMA, "public");
                        SnapshotComparison comparison = new SnapshotComparison(snapshots.rows(closing.id()));
                        source.rate(closing, comparison);
                        return comparison.finish();
                    });
            Verification done = current(closing).compared(result, clock.instant());
            Log.infof("Closing %d verified: %s after %d events (%.0f per second), %d employee and %d unit rows, "
                    + "%d differences", closing.id(), done.state(), done.eventsReplayed(),
                    done.eventsPerSecond(clock.instant()), result.employeeRows(), result.unitRows(),
                    result.differenceCount());
            return done;
        }
    }

    private Verification current(Closing closing) {
        return latest.getOrDefault(closing.year(), Verification.running(closing, clock.instant()));
    }

    /**
     * The offsets to replay up to: the closing's for each partition of the ledger topics (0, nothing, for a partition
     * it has none for). Stored offsets of other topics (none outside tests) are not replayed.
     */
    private Map<TopicPartition, Long> until(Closing closing, List<TopicPartition> partitions) {
        Map<String, Long> stored;
        try {
            stored = mapper.readValue(closing.offsets(), new TypeReference<Map<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the offsets of closing " + closing.id() + " are not JSON", e);
        }
        Map<TopicPartition, Long> until = new HashMap<>();
        for (TopicPartition partition : partitions) {
            until.put(partition, stored.getOrDefault(partition.topic() + "-" + partition.partition(), 0L));
        }
        return until;
    }
}
