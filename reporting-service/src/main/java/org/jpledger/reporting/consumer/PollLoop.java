package org.jpledger.reporting.consumer;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The consumer's poll loop, run on one thread: each poll is applied in one transaction together with its offsets, and
 * reading always resumes from the offsets stored in the database, never from Kafka's committed offsets.
 */
public class PollLoop implements Runnable, ConsumerRebalanceListener {

    /** Applies a batch and its offsets atomically; throws if nothing was committed. */
    @FunctionalInterface
    public interface BatchSink {
        BatchResult apply(List<ConsumerRecord<byte[], byte[]>> records);
    }

    /** Reads the stored next offsets of partitions; partitions without one are absent from the answer. */
    @FunctionalInterface
    public interface OffsetSource {
        Map<TopicPartition, Long> nextOffsets(Collection<TopicPartition> partitions);
    }

    private final Consumer<byte[], byte[]> consumer;
    private final Collection<String> topics;
    private final BatchSink sink;
    private final OffsetSource offsets;
    private final Duration pollTimeout;
    private final Duration retryBackoff;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    // Kept from the rebalance callbacks: the consumer itself may only be asked on the loop's thread.
    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    public PollLoop(Consumer<byte[], byte[]> consumer, Collection<String> topics, BatchSink sink, OffsetSource offsets,
            Duration pollTimeout, Duration retryBackoff) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.sink = sink;
        this.offsets = offsets;
        this.pollTimeout = pollTimeout;
        this.retryBackoff = retryBackoff;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(topics, this);
            while (running) {
                pollOnce();
            }
            Log.info("Event consumer stopped");
        } catch (RuntimeException | Error e) {
            // Only an error the loop cannot handle (such as a failed rewind) gets here. Going on could skip records, so
            // stop and let the liveness check report it.
            Log.error("Event consumer loop failed and stopped", e);
        } finally {
            running = false;
            closeConsumer();
        }
    }

    /** Asks the loop to finish: a batch being applied still commits or rolls back as a whole first. Any thread may call it. */
    public void stop() {
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
    }

    /** The partitions this loop reads now; any thread may call it. */
    public Set<TopicPartition> assignment() {
        return Set.copyOf(assigned);
    }

    void pollOnce() {
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = consumer.poll(pollTimeout);
        } catch (WakeupException e) {
            return;
        } catch (RuntimeException e) {
            Log.errorf(e, "Polling Kafka failed; polling again in %s", retryBackoff);
            pause();
            return;
        }
        if (records.isEmpty() || !running) {
            // Records polled while stopping are not applied; the next start reads them again from the stored offsets.
            return;
        }
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        try {
            BatchResult result = sink.apply(batch);
            Log.debugf("Applied %d records: %s", batch.size(), result);
        } catch (RuntimeException e) {
            Log.errorf(e, "Applying %d records failed; reading them again from the stored offsets in %s", batch.size(),
                    retryBackoff);
            rewind(records);
            pause();
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        assigned.addAll(partitions);
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> stored = storedOffsetsRetrying(partitions);
        stored.forEach(consumer::seek);
        Log.infof("Assigned %s; resuming at stored offsets %s (the others from the earliest offset)", partitions, stored);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Nothing to flush: every batch is committed to the database before the next poll.
        assigned.removeAll(partitions);
        Log.infof("Revoked %s", partitions);
    }

    /** Moves each partition of a failed batch back to where the database says reading must resume. */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, Long> stored;
        try {
            stored = offsets.nextOffsets(records.partitions());
        } catch (RuntimeException e) {
            // The database is unreachable; the batch's first records are then the first ones not yet applied.
            Log.warnf("Could not read stored offsets (%s); rewinding to the start of the failed batch", e.getMessage());
            stored = Map.of();
        }
        for (TopicPartition partition : records.partitions()) {
            long firstInBatch = records.records(partition).get(0).offset();
            consumer.seek(partition, stored.getOrDefault(partition, firstInBatch));
        }
    }

    // Without its stored offset a partition would restart from the earliest record, so keep trying until stopped.
    private Map<TopicPartition, Long> storedOffsetsRetrying(Collection<TopicPartition> partitions) {
        while (running) {
            try {
                return offsets.nextOffsets(partitions);
            } catch (RuntimeException e) {
                Log.errorf(e, "Reading stored offsets of %s failed; trying again in %s", partitions, retryBackoff);
                pause();
            }
        }
        throw new WakeupException();
    }

    private void pause() {
        try {
            stopRequested.await(retryBackoff.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeConsumer() {
        try {
            consumer.close();
        } catch (RuntimeException e) {
            Log.warn("Closing the Kafka consumer failed", e);
        }
    }
}
