package org.jpledger.training.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Publishes one batch of outbox rows to Kafka and marks, in the same transaction, exactly those the broker acknowledged. */
@ApplicationScoped
public class OutboxPublisher {

    /** What one pass did: rows published, and whether it stopped on a failure. */
    public record Pass(int published, boolean failed) {
    }

    private final OutboxRepository outbox;
    private final Producer<String, String> producer;

    public OutboxPublisher(OutboxRepository outbox, Producer<String, String> producer) {
        this.outbox = outbox;
        this.producer = producer;
    }

    /** Deletes published rows older than {@code cutoff}, a bounded chunk per transaction; returns how many went. */
    @Transactional
    public int deletePublishedBefore(Instant cutoff) {
        return outbox.deletePublishedBefore(cutoff, 10_000);
    }

    @Transactional
    public Pass publishBatch(int batchSize) {
        if (!outbox.tryRelayLock()) {
            return new Pass(0, false);
        }
        List<OutboxRepository.Unpublished> rows = outbox.oldestUnpublished(batchSize);
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRepository.Unpublished row : rows) {
            acks.add(producer.send(new ProducerRecord<>(row.topic(), row.messageKey(), row.payload())));
        }
        // Only the unbroken prefix of acknowledged rows is marked: a row after a failed one is sent again on the next
        // pass, after it, so per-key order holds; the consumer drops the duplicate by its version.
        List<Long> acknowledged = new ArrayList<>(rows.size());
        boolean failed = false;
        for (int i = 0; i < rows.size() && !failed; i++) {
            try {
                acks.get(i).get();
                acknowledged.add(rows.get(i).id());
            } catch (ExecutionException e) {
                Log.warnf("outbox: publishing row %d failed, will retry: %s", rows.get(i).id(), e.getCause().toString());
                failed = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
            }
        }
        outbox.markPublished(acknowledged, Instant.now());
        return new Pass(acknowledged.size(), failed);
    }
}
