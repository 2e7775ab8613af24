package org.jpledger.reporting;

import static org.awaitility.Awaitility.await;

import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;

/** What the consumer has committed to the projection tables, read straight from the database (see {@link Sql}). */
public final class Projections {

    private final DataSource dataSource;

    public Projections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Waits until the consumer has committed past {@code record}: its effects, if any, are then visible. */
    public void awaitHandled(RecordMetadata record) {
        await().atMost(Compliance.PATIENCE).until(() -> nextOffset(record).orElse(0L) > record.offset());
    }

    public Optional<Long> nextOffset(RecordMetadata record) {
        return single("SELECT next_offset::text FROM consumer_offset WHERE topic = ? AND partition = ?", record.topic(),
                record.partition()).map(Long::valueOf);
    }

    /** The first column of the first row of a query, as text. */
    public Optional<String> single(String sql, Object... parameters) {
        return Sql.single(dataSource, sql, parameters);
    }
}
