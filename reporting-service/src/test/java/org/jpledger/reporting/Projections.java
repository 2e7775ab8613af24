package org.jpledger.reporting;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Looks at the projection tables straight through JDBC, bypassing Hibernate, to see what the consumer committed. */
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
