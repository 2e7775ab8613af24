package org.jpledger.reporting.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Which events a closing saw that its topics no longer hold. */
class LostEventsTest {

    private static final TopicPartition UNITS_0 = new TopicPartition("jpledger.units.v1", 0);
    private static final TopicPartition EMPLOYEES_0 = new TopicPartition("jpledger.employees.v1", 0);
    private static final TopicPartition EMPLOYEES_1 = new TopicPartition("jpledger.employees.v1", 1);

    @Test
    void nothingIsLostWhileEveryLogStartsAtZeroAndReachesTheClosing() {
        assertThat(LostEvents.of(Map.of(UNITS_0, 5L, EMPLOYEES_0, 40L), Map.of(UNITS_0, 0L, EMPLOYEES_0, 0L),
                Map.of(UNITS_0, 5L, EMPLOYEES_0, 90L))).isEmpty();
    }

    @Test
    void eventsDeletedByRetentionBeforeTheClosingsOffsetAreLost() {
        assertThat(LostEvents.of(Map.of(EMPLOYEES_0, 40L, EMPLOYEES_1, 10L), Map.of(EMPLOYEES_0, 25L, EMPLOYEES_1,
                60L), Map.of(EMPLOYEES_0, 90L, EMPLOYEES_1, 70L))).containsExactly(
                new LostEvents("jpledger.employees.v1", 0, 0, 25, 25, 90),
                new LostEvents("jpledger.employees.v1", 1, 0, 10, 60, 70));
    }

    @Test
    void aLogEndingBeforeTheClosingsOffsetLostItsEnd() {
        assertThat(LostEvents.of(Map.of(UNITS_0, 12L), Map.of(UNITS_0, 0L), Map.of(UNITS_0, 3L)))
                .containsExactly(new LostEvents("jpledger.units.v1", 0, 3, 12, 0, 3));
    }

    @Test
    void aPartitionTheClosingReadNothingOfLosesNothing() {
        assertThat(LostEvents.of(Map.of(UNITS_0, 0L), Map.of(UNITS_0, 7L), Map.of(UNITS_0, 9L))).isEmpty();
    }
}
