package org.jpledger.reporting.rebuild;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.jpledger.reporting.projection.ProjectionLock;
import org.jpledger.reporting.projection.UnitFiguresRefresher;

/**
 * Rebuilds every projection from the earliest offset of the topics into fresh tables while the live consumer and the
 * queries go on with the current ones, then switches atomically. The replay never passes the live consumer's stored
 * offsets; the switch waits for the live batches in flight, brings the replay exactly to those offsets and swaps the
 * tables with their offsets in one transaction, so the live consumer continues where it was, on the new tables.
 */
@ApplicationScoped
public class ProjectionRebuild {

    /** Where a rebuild is, as the admin API shows it. */
    public enum State { IDLE, REPLAYING, SWITCHING, DONE, FAILED }

    /** A rebuild's progress. */
    public record Progress(State state, Instant startedAt, Instant finishedAt, long eventsReplayed, String failure) {

        /** Events replayed per second of the whole rebuild so far; 0 before the first. */
        public double eventsPerSecond(Instant now) {
            return TopicReplay.eventsPerSecond(eventsReplayed, startedAt, finishedAt, now);
        }
    }

    private static final ReplayTurn.Replay TURN = new ReplayTurn.Replay("A rebuild", "/api/v1/admin/rebuild");

    private final TopicReplays replays;
    private final ReplayTurn turn;
    private final RebuildSchema schema;
    private final ProjectionLock lock;
    private final UnitFiguresRefresher refresher;
    private final Clock clock;
    private final AtomicReference<Progress> progress = new AtomicReference<>(
            new Progress(State.IDLE, null, null, 0, null));
    private volatile boolean stopping;

    public ProjectionRebuild(TopicReplays replays, ReplayTurn turn, RebuildSchema schema, ProjectionLock lock,
            UnitFiguresRefresher refresher, Clock clock) {
        this.replays = replays;
        this.turn = turn;
        this.schema = schema;
        this.lock = lock;
        this.refresher = refresher;
        this.clock = clock;
    }

    public Progress progress() {
        return progress.get();
    }

    /** Starts a rebuild on a thread of its own; refused while one runs, or a verification of a closing. */
    public synchronized Progress start() {
        turn.take(TURN);
        Progress started = new Progress(State.REPLAYING, clock.instant(), null, 0, null);
        progress.set(started);
        Thread thread = new Thread(this::run, "jpledger-projection-rebuild");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private void run() {
        Progress end = new Progress(State.FAILED, progress.get().startedAt(), clock.instant(), 0, "not run");
        try {
            end = replayAndSwitch();
        } finally {
            // The turn is free before the end shows, so that whoever sees it may start another replay at once.
            turn.release(TURN);
            progress.set(end);
        }
    }

    /** The rebuild itself; how it ended. */
    private Progress replayAndSwitch() {
        try (TopicReplay replay = replays.open(RebuildSchema.REBUILD, "reporting-service-rebuild")) {
            schema.create();
            Log.infof("Rebuild: replaying %s from the earliest offsets", replay.partitions());
            // Catch up without holding anything up, then once more under the lock, where the live offsets stand still.
            while (!stopping && !replay.caughtUp(liveOffsets(), 10_000)) {
                count(replay.replayOnce(liveOffsets(), false));
            }
            // The copies' unit figures are rated once, before the switch, and moved by every batch replayed after: they
            // are fresh when the copies go live. Rating takes a while at scale, so catch up again before the switch.
            refresher.refreshRebuildCopies(schema::useInThisTransaction);
            while (!stopping && !replay.caughtUp(liveOffsets(), 10_000)) {
                count(replay.replayOnce(liveOffsets(), false));
            }
            setState(State.SWITCHING);
            QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                lock.takeAlone();
                Map<TopicPartition, Long> live = schema.liveOffsets();
                while (!replay.caughtUp(live, 0)) {
                    if (stopping) {
                        throw new IllegalStateException("shutting down during the switch");
                    }
                    count(replay.replayOnce(live, true));
                }
                schema.swap();
            });
            schema.dropLeftovers();
            Progress now = progress.get();
            Progress done = new Progress(State.DONE, now.startedAt(), clock.instant(), now.eventsReplayed(), null);
            Log.infof("Rebuild: switched after %d events (%.0f per second)", done.eventsReplayed(),
                    done.eventsPerSecond(clock.instant()));
            return done;
        } catch (RuntimeException e) {
            Log.error("Rebuild failed; the live projections are unchanged", e);
            Progress failed = progress.get();
            return new Progress(State.FAILED, failed.startedAt(), clock.instant(), failed.eventsReplayed(),
                    e.toString());
        }
    }

    /** Counts the records a replay step applied in the rebuild tables (none while it waits for the live consumer). */
    private void count(int replayed) {
        if (replayed > 0) {
            Progress now = progress.get();
            progress.set(new Progress(now.state(), now.startedAt(), null, now.eventsReplayed() + replayed, null));
        }
    }

    private Map<TopicPartition, Long> liveOffsets() {
        return QuarkusTransaction.requiringNew().call(schema::liveOffsets);
    }

    private void setState(State state) {
        Progress now = progress.get();
        progress.set(new Progress(state, now.startedAt(), null, now.eventsReplayed(), null));
    }
}
