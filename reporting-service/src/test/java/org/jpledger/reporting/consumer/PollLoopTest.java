package org.jpledger.reporting.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** The loop's position rules, against Kafka's MockConsumer: resume where the database says, never skip a failed batch. */
class PollLoopTest {

    private static final String TOPIC = "jpledger.employees.v1";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final Map<TopicPartition, Long> storedOffsets = new HashMap<>();
    private final List<List<Long>> appliedBatches = new ArrayList<>();
    private int failuresToCome;

    private final PollLoop loop = new PollLoop(consumer, List.of(TOPIC), this::apply, this::stored, Duration.ofMillis(10),
            Duration.ofMillis(1));

    @Test
    void resumesAnAssignedPartitionAtItsStoredOffset() {
        storedOffsets.put(PARTITION, 3L);
        assign();
        addRecords(0, 5);

        loop.pollOnce();

        assertThat(appliedBatches).containsExactly(List.of(3L, 4L));
    }

    @Test
    void startsAPartitionWithoutStoredOffsetAtTheEarliestRecord() {
        assign();
        addRecords(0, 3);

        loop.pollOnce();

        assertThat(appliedBatches).containsExactly(List.of(0L, 1L, 2L));
    }

    @Test
    void readsAFailedBatchAgainInsteadOfSkippingIt() {
        storedOffsets.put(PARTITION, 2L);
        assign();
        addRecords(2, 5);
        failuresToCome = 1;

        loop.pollOnce();
        addRecords(2, 5); // the broker still has them; the position decides what comes back
        loop.pollOnce();

        assertThat(appliedBatches).containsExactly(List.of(2L, 3L, 4L));
        assertThat(consumer.position(PARTITION)).isEqualTo(5);
    }

    @Test
    void rewindsAFailedBatchToTheFirstRecordWhenNoOffsetIsStoredYet() {
        assign();
        addRecords(0, 2);
        failuresToCome = 1;

        loop.pollOnce();

        assertThat(appliedBatches).isEmpty();
        assertThat(consumer.position(PARTITION)).isZero();
    }

    @Test
    void trustsTheStoredOffsetWhenAFailedCommitHadInFactSucceeded() {
        assign();
        addRecords(0, 3);
        failuresToCome = 1;
        // The commit reached the database although the call failed (e.g. the connection dropped on the reply).
        storedOffsets.put(PARTITION, 3L);

        loop.pollOnce();

        assertThat(consumer.position(PARTITION)).isEqualTo(3);
    }

    @Test
    void stopEndsTheLoopAndClosesTheConsumer() throws Exception {
        Thread thread = new Thread(loop);
        thread.start();

        loop.stop();
        thread.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(thread.isAlive()).isFalse();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void doesNotApplyRecordsPolledWhileStopping() {
        assign();
        addRecords(0, 2);
        consumer.schedulePollTask(loop::stop);

        loop.pollOnce();

        assertThat(appliedBatches).isEmpty();
    }

    @Test
    void tellsOtherThreadsWhichPartitionsItReads() {
        TopicPartition other = new TopicPartition(TOPIC, 1);
        assign();

        assertThat(loop.assignment()).containsExactly(PARTITION);

        consumer.updateBeginningOffsets(Map.of(other, 0L));
        consumer.rebalance(List.of(other));

        assertThat(loop.assignment()).containsExactly(other);
    }

    private void assign() {
        consumer.subscribe(List.of(TOPIC), loop);
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.rebalance(List.of(PARTITION));
    }

    private void addRecords(long from, long toExclusive) {
        for (long offset = from; offset < toExclusive; offset++) {
            consumer.addRecord(new ConsumerRecord<>(TOPIC, 0, offset, null, new byte[0]));
        }
    }

    private BatchResult apply(List<ConsumerRecord<byte[], byte[]>> records) {
        if (failuresToCome > 0) {
            failuresToCome--;
            throw new IllegalStateException("database unavailable");
        }
        appliedBatches.add(records.stream().map(ConsumerRecord::offset).toList());
        return new BatchResult(records.size(), 0, 0);
    }

    private Map<TopicPartition, Long> stored(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> answer = new HashMap<>(storedOffsets);
        answer.keySet().retainAll(partitions);
        return answer;
    }
}
