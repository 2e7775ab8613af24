package org.jpledger.reporting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Statements straight on the test database, bypassing Hibernate's session: to arrange rows and check what committed. */
public final class Sql {

    private Sql() {
    }

    /** The first column of the first row as text; empty when there is no row or the value is null. */
    public static Optional<String> single(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet result = statement.executeQuery()) {
            return result.next() ? Optional.ofNullable(result.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement that returns no rows, committed at once. */
    public static void execute(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens a transaction holding an advisory lock ({@code pg_advisory_xact_lock} or
     * {@code pg_advisory_xact_lock_shared}) on {@code key}; closing the returned handle commits and so releases it.
     */
    public static AutoCloseable holdAdvisoryLock(DataSource dataSource, String function, long key) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (PreparedStatement statement = prepare(connection, "SELECT count(*) FROM (SELECT " + function
                    + "(?)) AS locked", key); ResultSet ignored = statement.executeQuery()) {
                return () -> {
                    try (connection) {
                        connection.commit();
                    }
                };
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }
}
