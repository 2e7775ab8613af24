package org.jpledger.training.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.training.config.OutboxConfig;

/**
 * Appends events to the outbox inside the caller's transaction, so the change and its events commit together. The rows
 * of a transaction are written in JDBC batches just before it commits (or every {@value #FLUSH_ROWS} rows), not one
 * statement each: the outbox id is an identity column, and an insert per event would cost a round trip and break the
 * batching of every other insert of the transaction.
 */
@ApplicationScoped
public class OutboxWriter {

    /** Rows held before they are written mid-transaction, which bounds the memory of a transaction with many events. */
    static final int FLUSH_ROWS = 500;
    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final EventSerializer serializer;
    private final OutboxConfig config;

    public OutboxWriter(DataSource dataSource, TransactionSynchronizationRegistry transactions,
            EventSerializer serializer, OutboxConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.serializer = serializer;
        this.config = config;
    }

    /**
     * Records an event for {@code topic}, keyed by {@code key} (the aggregate id, which is also the CloudEvents subject).
     * Events of one transaction get outbox ids in the order they were appended.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, String key, String type, Object data) {
        Instant now = Instant.now();
        CloudEvent<Object> event = CloudEvent.of(UUID.randomUUID().toString(), config.eventSource(), type, key, now, data);
        PendingRows pending = pending();
        pending.rows.add(new Row(UUID.fromString(event.id()), topic, key, type, serializer.toJson(event), now));
        if (pending.rows.size() >= FLUSH_ROWS) {
            pending.write();
        }
        Log.debugf("outbox: %s for %s (event %s)", type, key, event.id());
    }

    /** Writes the rows this transaction appended so far, for a transaction that reads them back before it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        pending().write();
    }

    /** The current transaction's unwritten rows, registered to be written before it commits. */
    private PendingRows pending() {
        PendingRows pending = (PendingRows) transactions.getResource(PendingRows.class);
        if (pending == null) {
            pending = new PendingRows();
            transactions.putResource(PendingRows.class, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        return pending;
    }

    private record Row(UUID eventId, String topic, String key, String type, String payload, Instant createdAt) {
    }

    /** The rows appended in one transaction and not yet written; writes them through the transaction's connection. */
    private final class PendingRows implements Synchronization {

        final List<Row> rows = new ArrayList<>();

        void write() {
            if (rows.isEmpty()) {
                return;
            }
            // Inside a transaction the pool hands out the connection enlisted in it: the rows commit with the change.
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Row row : rows) {
                    insert.setObject(1, row.eventId());
                    insert.setString(2, row.topic());
                    insert.setString(3, row.key());
                    insert.setString(4, row.type());
                    insert.setString(5, row.payload());
                    insert.setObject(6, OffsetDateTime.ofInstant(row.createdAt(), ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("outbox rows could not be written", e);
            }
            rows.clear();
        }

        @Override
        public void beforeCompletion() {
            // A transaction already doomed to roll back writes nothing; an exception here rolls the transaction back.
            if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                write();
            }
        }

        @Override
        public void afterCompletion(int status) {
            rows.clear();
        }
    }
}
