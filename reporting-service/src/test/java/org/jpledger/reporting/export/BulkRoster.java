package org.jpledger.reporting.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Writes a large roster straight into the projections (a unit, its employees and their year rows) for export tests. */
final class BulkRoster {

    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000_000L * 100);

    private BulkRoster() {
    }

    /** {@code count} employees in {@code unit} (created as a root) with year rows of {@code year}; JP 0 to 39. */
    static void write(DataSource dataSource, String unit, int year, int count) throws SQLException {
        long base = NEXT.getAndAdd(count);
        try (Connection connection = dataSource.getConnection()) {
            execute(connection, "INSERT INTO unit (code, name, parent_code, version) VALUES (?, ?, NULL, 1)", unit,
                    "Unit besar " + unit);
            execute(connection, """
                    INSERT INTO employee (nip, name, employment_type, position_level, unit_code, employed_from, version)
                    SELECT '8' || lpad((? + g)::text, 17, '0'), 'Pegawai ' || lpad(g::text, 8, '0'), 'PNS', 'PELAKSANA',
                           ?, DATE '2010-01-01', 1
                    FROM generate_series(1, ?) g""", base, unit, count);
            execute(connection, """
                    INSERT INTO employee_year (nip, year, unit_code, employment_type, position_level, window_from,
                        window_until, total_jp, jp_teknis, jp_manajerial, jp_sosial_kultural, jp_klasikal,
                        jp_nonklasikal, jp_luring, jp_daring, jp_blended, completion_count, last_completion_date)
                    SELECT '8' || lpad((? + g)::text, 17, '0'), ?, ?, 'PNS', 'PELAKSANA', make_date(?, 1, 1),
                           make_date(?, 12, 31), g % 40, g % 40, 0, 0, g % 40, 0, g % 40, 0, 0, 1, make_date(?, 1, 1)
                    FROM generate_series(1, ?) g""", base, year, unit, year, year, year, count);
            // Rows written past the consumer are not in the year's precomputed unit figures: drop the year's rating, so
            // queries rate the year live until the refresher has re-rated it whole.
            execute(connection, "DELETE FROM unit_year_rating WHERE year = ?", year);
        }
    }

    private static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
