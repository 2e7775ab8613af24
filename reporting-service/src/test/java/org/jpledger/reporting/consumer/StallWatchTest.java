package org.jpledger.reporting.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** When lag means a stalled consumer: only lag that persists at one offset for longer than the timeout. */
class StallWatchTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final Instant START = Instant.parse("2026-05-04T03:00:00Z");
    private static final Instant LONG_AGO = START.minus(Duration.ofHours(6));
    private static final String TOPIC = "jpledger.employees.v1";

    private final StallWatch watch = new StallWatch(TIMEOUT);

    @Test
    void isReadyWithoutLag() {
        StallWatch.Verdict verdict = watch.look(START, List.of(position(0, 40L, 40L), position(1, 7L, 7L)));

        assertThat(verdict.ready()).isTrue();
        assertThat(verdict.lag()).isZero();
        assertThat(verdict.watching()).isEqualTo(2);
    }

    @Test
    void isReadyWhenLagAppearsAfterALongIdleSpell() {
        // The offset last moved hours ago, but the lag is new: the record has only just arrived.
        StallWatch.Verdict verdict = watch.look(START, List.of(position(0, 40L, 41L)));

        assertThat(verdict.ready()).isTrue();
        assertThat(verdict.lag()).isEqualTo(1);
    }

    @Test
    void isNotReadyOnceLagPersistsAtOneOffsetLongerThanTheTimeout() {
        watch.look(START, List.of(position(0, 40L, 45L)));

        StallWatch.Verdict verdict = watch.look(START.plus(TIMEOUT).plusSeconds(1), List.of(position(0, 40L, 47L)));

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.lag()).isEqualTo(7);
        assertThat(verdict.stalled()).containsExactly(new StallWatch.Stall(new TopicPartition(TOPIC, 0), 7,
                TIMEOUT.plusSeconds(1)));
    }

    @Test
    void isStillReadyAtExactlyTheTimeout() {
        watch.look(START, List.of(position(0, 40L, 45L)));

        assertThat(watch.look(START.plus(TIMEOUT), List.of(position(0, 40L, 45L))).ready()).isTrue();
    }

    @Test
    void aMovingOffsetRestartsTheClockHoweverLongTheLagLasts() {
        watch.look(START, List.of(position(0, 40L, 900L)));
        watch.look(START.plus(TIMEOUT), List.of(position(0, 300L, 900L)));

        StallWatch.Verdict verdict = watch.look(START.plus(TIMEOUT.multipliedBy(2)), List.of(position(0, 600L, 900L)));

        assertThat(verdict.ready()).isTrue();
        assertThat(verdict.lag()).isEqualTo(300);
    }

    @Test
    void countsTheTimeFromWhenTheLagWasSeenAtTheNewOffset() {
        watch.look(START, List.of(position(0, 40L, 50L)));
        Instant moved = START.plus(TIMEOUT);
        watch.look(moved, List.of(position(0, 45L, 50L)));

        assertThat(watch.look(moved.plus(TIMEOUT), List.of(position(0, 45L, 50L))).ready()).isTrue();
        assertThat(watch.look(moved.plus(TIMEOUT).plusMillis(1), List.of(position(0, 45L, 50L))).ready()).isFalse();
    }

    @Test
    void catchingUpForgetsThePastLag() {
        watch.look(START, List.of(position(0, 40L, 45L)));
        watch.look(START.plusSeconds(60), List.of(position(0, 45L, 45L)));
        // New lag at the same offset as before the catch-up would look old if the first sighting were kept.
        watch.look(START.plusSeconds(100), List.of(position(0, 45L, 46L)));

        assertThat(watch.look(START.plus(TIMEOUT).plusSeconds(1), List.of(position(0, 45L, 46L))).ready()).isTrue();
    }

    @Test
    void oneStalledPartitionMakesItNotReadyWhileOthersMove() {
        watch.look(START, List.of(position(0, 40L, 45L), position(1, 10L, 20L)));

        StallWatch.Verdict verdict = watch.look(START.plus(TIMEOUT).plusSeconds(5),
                List.of(position(0, 40L, 45L), position(1, 19L, 20L)));

        assertThat(verdict.ready()).isFalse();
        assertThat(verdict.stalled()).extracting(StallWatch.Stall::partition)
                .containsExactly(new TopicPartition(TOPIC, 0));
    }

    @Test
    void aPartitionNeverAppliedStallsWhenItsLagDoesNotShrink() {
        watch.look(START, List.of(position(2, null, 3L)));

        assertThat(watch.look(START.plus(TIMEOUT).plusSeconds(1), List.of(position(2, null, 3L))).ready()).isFalse();
    }

    @Test
    void unknownLagIsNeitherAStallNorProgress() {
        watch.look(START, List.of(position(0, 40L, 45L)));
        StallWatch.Verdict unknown = watch.look(START.plusSeconds(60), List.of(position(0, 40L, null)));

        assertThat(unknown.ready()).isTrue();
        assertThat(unknown.lag()).isNull();
        // The broker answering again finds the offset where it was: the stall is counted from the first sighting.
        assertThat(watch.look(START.plus(TIMEOUT).plusSeconds(1), List.of(position(0, 40L, 45L))).ready()).isFalse();
    }

    @Test
    void forgetsAPartitionNoLongerWatched() {
        watch.look(START, List.of(position(0, 40L, 45L)));
        watch.look(START.plusSeconds(10), List.of());

        // Assigned back later: watched afresh.
        assertThat(watch.look(START.plus(TIMEOUT).plusSeconds(1), List.of(position(0, 40L, 45L))).ready()).isTrue();
    }

    private static PartitionPosition position(int partition, Long nextOffset, Long endOffset) {
        Long lag = endOffset == null ? null : endOffset - (nextOffset == null ? 0 : nextOffset);
        return new PartitionPosition(TOPIC, partition, nextOffset, nextOffset == null ? null : LONG_AGO, null, endOffset,
                lag, true);
    }
}
