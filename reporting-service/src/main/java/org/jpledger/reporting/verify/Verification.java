package org.jpledger.reporting.verify;

import java.time.Instant;
import java.util.List;
import org.jpledger.reporting.closing.Closing;
import org.jpledger.reporting.rebuild.TopicReplay;

/**
 * A verification of a closing: where it is, and once it ended, what it found. {@code comparison} is null until the
 * rows were compared; {@code lost} names the events the topics no longer hold when it could not verify.
 */
public record Verification(State state, Closing closing, Instant startedAt, Instant finishedAt, long eventsReplayed,
        SnapshotComparison.Result comparison, List<LostEvents> lost, String failure) {

    /** Where a verification is. */
    public enum State {
        /** Replaying the topics up to the closing's offsets, or comparing. */
        RUNNING,
        /** The recomputed snapshot equals the closed one. */
        EQUAL,
        /** It differs; the differences are listed. */
        DIFFERENT,
        /** Events the closing saw are no longer in the topics. */
        CANNOT_VERIFY,
        /** Something went wrong (see the failure); nothing was compared. */
        FAILED
    }

    static Verification running(Closing closing, Instant now) {
        return new Verification(State.RUNNING, closing, now, null, 0, null, List.of(), null);
    }

    Verification replayed(long events) {
        return new Verification(state, closing, startedAt, finishedAt, eventsReplayed + events, comparison, lost,
                failure);
    }

    Verification compared(SnapshotComparison.Result result, Instant now) {
        return new Verification(result.equal() ? State.EQUAL : State.DIFFERENT, closing, startedAt, now,
                eventsReplayed, result, List.of(), null);
    }

    Verification cannotVerify(List<LostEvents> lostEvents, Instant now) {
        return new Verification(State.CANNOT_VERIFY, closing, startedAt, now, eventsReplayed, null,
                List.copyOf(lostEvents), null);
    }

    Verification failed(String reason, Instant now) {
        return new Verification(State.FAILED, closing, startedAt, now, eventsReplayed, null, List.of(), reason);
    }

    /** Events replayed per second, start to finish (or to now); 0 before the first. */
    public double eventsPerSecond(Instant now) {
        return TopicReplay.eventsPerSecond(eventsReplayed, startedAt, finishedAt, now);
    }
}
