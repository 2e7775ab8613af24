package org.jpledger.reporting.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** How far the projections have got: the newest event handled, and each partition's position against the broker. */
@ApplicationScoped
public class ConsumerProgress {

    private final OffsetStore offsets;
    private final BrokerOffsets broker;
    private final EventConsumer consumer;

    public ConsumerProgress(OffsetStore offsets, BrokerOffsets broker, EventConsumer consumer) {
        this.offsets = offsets;
        this.broker = broker;
        this.consumer = consumer;
    }

    /**
     * The CloudEvents time of the newest event the projections have handled (applied, ignored as a duplicate or stale,
     * or parked with a readable envelope), over every partition of the consumed topics; empty before the first. Reads the
     * database only, in the caller's transaction when there is one, so a query can report it as the time its figures
     * are as of.
     */
    public Optional<Instant> newestAppliedEventTime() {
        return offsets.newestEventTimeOf(EventConsumer.TOPICS);
    }

    /**
     * Each partition's stored position, log end and lag. Asks the broker, waiting at most
     * {@code jpledger.consumer.broker-timeout}; call it outside a transaction.
     */
    public ConsumerPositions positions() {
        var stored = offsets.positionsOf(EventConsumer.TOPICS);
        return ConsumerPositions.of(stored, broker.read(EventConsumer.TOPICS), consumer.assignedPartitions());
    }

    /** Whether the poll loop thread is working. */
    public boolean consumerRunning() {
        return consumer.isAlive();
    }
}
