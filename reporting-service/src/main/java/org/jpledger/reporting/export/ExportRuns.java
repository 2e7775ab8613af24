package org.jpledger.reporting.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The runs of the scheduled exports, in table {@code export_run}, and the database lock that lets one instance at a
 * time run a schedule: a session advisory lock held on a connection of its own for the whole run.
 */
@ApplicationScoped
public class ExportRuns {

    private final DataSource dataSource;

    public ExportRuns(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The latest fire time a run of {@code schedule} served. */
    public Optional<Instant> lastFireTime(String schedule) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT max(fire_time) FROM export_run WHERE schedule = ?")) {
            query.setString(1, schedule);
            try (ResultSet row = query.executeQuery()) {
                Timestamp time = row.next() ? row.getTimestamp(1) : null;
                return Optional.ofNullable(time).map(Timestamp::toInstant);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the export runs", e);
        }
    }

    /** Records a finished run. */
    public void record(String schedule, Instant fireTime, String file, long rows, String sha256, Instant finishedAt) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO export_run (schedule, fire_time,"
                        + " file, rows, sha256, finished_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, schedule);
            insert.setTimestamp(2, Timestamp.from(fireTime));
            insert.setString(3, file);
            insert.setLong(4, rows);
            insert.setString(5, sha256);
            insert.setTimestamp(6, Timestamp.from(finishedAt));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the export run", e);
        }
    }

    /**
     * Runs {@code work} holding the schedule's lock: its result, or empty when it gives none or when another run (here
     * or on another instance) holds the lock, in which case it does not run.
     */
    public <T> Optional<T> underLock(String schedule, Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "pg_try_advisory_lock", schedule)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                lock(connection, "pg_advisory_unlock", schedule);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the export lock", e);
        }
    }

    private static boolean lock(Connection connection, String function, String schedule) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + function + "(hashtext('jpledger.export.' || ?))")) {
            statement.setString(1, schedule);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
