package org.jpledger.reporting.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetStoreTest {

    @Test
    void resumesOnePastTheLastRecordOfEachPartitionInTheBatch() {
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                record("a", 0, 7), record("a", 0, 8), record("a", 1, 3), record("b", 0, 41), record("a", 0, 9));

        assertThat(OffsetStore.nextOffsetsAfter(batch)).containsOnly(
                entry(new TopicPartition("a", 0), 10L),
                entry(new TopicPartition("a", 1), 4L),
                entry(new TopicPartition("b", 0), 42L));
    }

    @Test
    void storesNothingForAnEmptyBatch() {
        assertThat(OffsetStore.nextOffsetsAfter(List.of())).isEmpty();
    }

    @Test
    void keepsTheLaterOfTwoEventTimesAndAKnownTimeOverAnUnknownOne() {
        Instant earlier = Instant.parse("2026-05-04T03:00:00Z");
        Instant later = earlier.plusMillis(1);

        assertThat(OffsetStore.later(earlier, later)).isEqualTo(later);
        assertThat(OffsetStore.later(later, earlier)).isEqualTo(later);
        assertThat(OffsetStore.later(null, earlier)).isEqualTo(earlier);
        assertThat(OffsetStore.later(earlier, null)).isEqualTo(earlier);
        assertThat(OffsetStore.later(null, null)).isNull();
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset) {
        return new ConsumerRecord<>(topic, partition, offset, null, new byte[0]);
    }
}
