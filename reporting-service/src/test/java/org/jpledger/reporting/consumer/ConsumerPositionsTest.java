package org.jpledger.reporting.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Lag per partition from the stored offsets and the broker's logs. */
class ConsumerPositionsTest {

    private static final String EMPLOYEES = "jpledger.employees.v1";
    private static final String UNITS = "jpledger.units.v1";
    private static final Instant UPDATED = Instant.parse("2026-05-04T03:00:00Z");
    private static final Instant EVENT_TIME = Instant.parse("2026-05-04T02:59:58Z");

    @Test
    void lagIsTheDistanceFromTheStoredOffsetToTheLogEnd() {
        ConsumerPositions positions = ConsumerPositions.of(List.of(stored(EMPLOYEES, 0, 40)),
                known(Map.of(tp(EMPLOYEES, 0), new BrokerOffsets.Range(0, 46))), Set.of(tp(EMPLOYEES, 0)));

        assertThat(positions.partitions()).containsExactly(new PartitionPosition(EMPLOYEES, 0, 40L, UPDATED, EVENT_TIME,
                46L, 6L, true));
        assertThat(positions.totalLag()).isEqualTo(6);
        assertThat(positions.lagKnown()).isTrue();
    }

    @Test
    void aPartitionNeverAppliedLagsByWhatItsLogHolds() {
        ConsumerPositions positions = ConsumerPositions.of(List.of(),
                known(Map.of(tp(UNITS, 0), new BrokerOffsets.Range(5, 12))), Set.of());

        assertThat(positions.partitions()).containsExactly(new PartitionPosition(UNITS, 0, null, null, null, 12L, 7L,
                false));
    }

    @Test
    void recordsDeletedByRetentionBeforeTheStoredOffsetAreNotCounted() {
        ConsumerPositions positions = ConsumerPositions.of(List.of(stored(EMPLOYEES, 0, 3)),
                known(Map.of(tp(EMPLOYEES, 0), new BrokerOffsets.Range(10, 15))), Set.of());

        assertThat(positions.partitions().get(0).lag()).isEqualTo(5);
    }

    @Test
    void lagIsUnknownWhenTheBrokerDoesNotAnswerButStoredPositionsStillShow() {
        ConsumerPositions positions = ConsumerPositions.of(List.of(stored(UNITS, 0, 9), stored(EMPLOYEES, 1, 4)),
                BrokerOffsets.Snapshot.unknown("Kafka did not answer within PT2S"), Set.of());

        assertThat(positions.partitions()).extracting(PartitionPosition::topicPartition)
                .containsExactly(tp(EMPLOYEES, 1), tp(UNITS, 0));
        assertThat(positions.partitions()).extracting(PartitionPosition::lag).containsOnlyNulls();
        assertThat(positions.partitions()).extracting(PartitionPosition::endOffset).containsOnlyNulls();
        assertThat(positions.totalLag()).isNull();
        assertThat(positions.lagUnknownReason()).isEqualTo("Kafka did not answer within PT2S");
    }

    @Test
    void sumsTheLagOfEveryPartitionOrderedByTopicAndPartition() {
        ConsumerPositions positions = ConsumerPositions.of(List.of(stored(EMPLOYEES, 1, 10), stored(EMPLOYEES, 0, 2)),
                known(Map.of(tp(EMPLOYEES, 0), new BrokerOffsets.Range(0, 2), tp(EMPLOYEES, 1),
                        new BrokerOffsets.Range(0, 13), tp(UNITS, 0), new BrokerOffsets.Range(0, 1))),
                Set.of(tp(EMPLOYEES, 1)));

        assertThat(positions.partitions()).extracting(PartitionPosition::topicPartition)
                .containsExactly(tp(EMPLOYEES, 0), tp(EMPLOYEES, 1), tp(UNITS, 0));
        assertThat(positions.partitions()).extracting(PartitionPosition::assignedHere).containsExactly(false, true, false);
        assertThat(positions.totalLag()).isEqualTo(4);
    }

    @Test
    void aStoredPartitionTheBrokerNoLongerListsMakesTheTotalUnknown() {
        ConsumerPositions positions = ConsumerPositions.of(List.of(stored(EMPLOYEES, 7, 10)),
                known(Map.of(tp(EMPLOYEES, 0), new BrokerOffsets.Range(0, 2))), Set.of());

        assertThat(positions.totalLag()).isNull();
        assertThat(positions.lagUnknownReason()).contains("does not list every stored partition");
    }

    private static BrokerOffsets.Snapshot known(Map<TopicPartition, BrokerOffsets.Range> ranges) {
        return new BrokerOffsets.Snapshot(ranges, null);
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    private static ConsumerOffset stored(String topic, int partition, long nextOffset) {
        ConsumerOffset offset = new ConsumerOffset();
        offset.topic = topic;
        offset.partition = partition;
        offset.nextOffset = nextOffset;
        offset.updatedAt = UPDATED;
        offset.lastEventTime = EVENT_TIME;
        return offset;
    }
}
