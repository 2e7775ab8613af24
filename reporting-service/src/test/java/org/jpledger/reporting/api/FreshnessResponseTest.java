package org.jpledger.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jpledger.reporting.consumer.ConsumerPositions;
import org.jpledger.reporting.consumer.PartitionPosition;
import org.junit.jupiter.api.Test;

/** When the dashboard warns that the figures may be out of date. */
class FreshnessResponseTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    @Test
    void isCurrentWhenNothingIsPendingHoweverOldTheLastEvent() {
        FreshnessResponse freshness = of(true, position(0, NOW.minus(Duration.ofDays(30))));
        assertThat(freshness.stale()).isFalse();
        assertThat(freshness.pendingEvents()).isZero();
        assertThat(freshness.asOf()).isEqualTo(NOW.minus(Duration.ofDays(30)));
    }

    @Test
    void isCurrentWhileEventsPendingAreNewerThanTheLimit() {
        assertThat(of(true, position(12, NOW.minusSeconds(30)), position(0, NOW.minus(Duration.ofDays(1)))).stale())
                .isFalse();
    }

    @Test
    void isStaleWhenAPartitionWithPendingEventsAppliedNothingRecent() {
        FreshnessResponse freshness = of(true, position(3, NOW.minus(Duration.ofMinutes(6))), position(0, NOW));
        assertThat(freshness.stale()).isTrue();
        assertThat(freshness.pendingEvents()).isEqualTo(3);
        assertThat(freshness.asOf()).isEqualTo(NOW);
        assertThat(of(true, position(1, null)).stale()).isTrue();
    }

    @Test
    void isStaleWhenTheConsumerIsNotRunning() {
        assertThat(of(false, position(0, NOW)).stale()).isTrue();
    }

    @Test
    void isStaleWhenKafkaCannotSayWhatIsPending() {
        FreshnessResponse freshness = FreshnessResponse.from(new ConsumerPositions(List.of(
                new PartitionPosition("jpledger.employees.v1", 0, 10L, NOW, NOW, null, null, true)), "timed out"),
                true, NOW, STALE_AFTER);
        assertThat(freshness.stale()).isTrue();
        assertThat(freshness.pendingEvents()).isNull();
    }

    private static FreshnessResponse of(boolean running, PartitionPosition... partitions) {
        return FreshnessResponse.from(new ConsumerPositions(List.of(partitions), null), running, NOW, STALE_AFTER);
    }

    private static int partition;

    private static PartitionPosition position(long lag, Instant lastEventTime) {
        return new PartitionPosition("jpledger.employees.v1", partition++, 100L, NOW, lastEventTime, 100L + lag, lag,
                true);
    }
}
