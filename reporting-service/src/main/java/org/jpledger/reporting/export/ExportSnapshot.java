package org.jpledger.reporting.export;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.ComplianceRepository.YearPolicies;

/**
 * One export's view of the projections: a read-only REPEATABLE READ transaction on a connection of its own, held from
 * the as-of time and row count (which go into the response headers) to the last row, so events applied meanwhile
 * never show half-way through a file. Rows come through a cursor, a fetch at a time.
 */
public final class ExportSnapshot implements AutoCloseable {

    private static final int FETCH_SIZE = 2_000;

    private final Connection connection;
    private final boolean autoCommit;
    private final int isolation;

    private ExportSnapshot(Connection connection) throws SQLException {
        this.connection = connection;
        this.autoCommit = connection.getAutoCommit();
        this.isolation = connection.getTransactionIsolation();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
    }

    public static ExportSnapshot open(DataSource dataSource) {
        try {
            return new ExportSnapshot(dataSource.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException("could not open an export snapshot", e);
        }
    }

    /** The time of the newest event the projections had applied when the snapshot began. */
    public Instant asOf() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT max(last_event_time) FROM consumer_offset");
                ResultSet row = query.executeQuery()) {
            Timestamp time = row.next() ? row.getTimestamp(1) : null;
            return time == null ? null : time.toInstant();
        }
    }

    /** The year's policies, and which governs each unit, as the snapshot sees them. */
    YearPolicies policies(int year) throws SQLException {
        try (PreparedStatement query = NamedSql.of(ComplianceRepository.POLICY_SET).prepare(connection,
                ComplianceRepository.policySetParameters(year)); ResultSet row = query.executeQuery()) {
            row.next();
            return new YearPolicies(row.getString(1), row.getString(2));
        }
    }

    long count(NamedSql sql, Map<String, Object> values) throws SQLException {
        try (PreparedStatement query = sql.prepare(connection, values); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Streams the rows to {@code writer}; returns how many were written. */
    long stream(NamedSql sql, Map<String, Object> values, TableWriter writer) throws SQLException, IOException {
        long written = 0;
        try (PreparedStatement query = sql.prepare(connection, values)) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                Object[] row = new Object[columns];
                while (rows.next()) {
                    for (int c = 0; c < columns; c++) {
                        Object value = rows.getObject(c + 1);
                        row[c] = value instanceof java.sql.Date date ? date.toLocalDate() : value;
                    }
                    writer.row(row);
                    written++;
                }
            }
        }
        return written;
    }

    /** What {@link #forEach} does with each row. */
    @FunctionalInterface
    public interface RowHandler {
        void accept(ResultSet row) throws SQLException, IOException;
    }

    /** Hands each row of {@code sql} ({@code :name} parameters) to {@code each}, a fetch at a time; how many. */
    public long forEach(String sql, Map<String, Object> values, RowHandler each) throws SQLException, IOException {
        long read = 0;
        try (PreparedStatement query = NamedSql.of(sql).prepare(connection, values)) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    each.accept(rows);
                    read++;
                }
            }
        }
        return read;
    }

    @Override
    public void close() {
        try {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setTransactionIsolation(isolation);
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // The connection is closed below either way; the pool discards a broken one.
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more to do
            }
        }
    }
}
