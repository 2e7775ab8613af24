package org.jpledger.training.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.training.config.OutboxConfig;

/** Appends an event to the outbox inside the caller's transaction, so the change and its event commit together. */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository outbox;
    private final EventSerializer serializer;
    private final OutboxConfig config;

    public OutboxWriter(OutboxRepository outbox, EventSerializer serializer, OutboxConfig config) {
        this.outbox = outbox;
        this.serializer = serializer;
        this.config = config;
    }

    /**
     * Records an event for {@code topic}, keyed by {@code key} (the aggregate id, which is also the CloudEvents subject).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, String type, Object data) {
        Instant now = Instant.now();
        CloudEvent<Object> event = CloudEvent.of(UUID.randomUUID().toString(), config.eventSource(), type, key, now, data);
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = topic;
        row.messageKey = key;
        row.eventType = type;
        row.payload = serializer.toJson(event);
        row.createdAt = now;
        outbox.persist(row);
        Log.debugf("outbox: %s for %s (event %s)", type, key, event.id());
    }
}
