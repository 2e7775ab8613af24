package org.jpledger.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.jpledger.localstack.PostgresServer;

/** Employees of one unit with their rows of a year, written straight into reporting's projections: export volume fast. */
final class ReportingRoster {

    private ReportingRoster() {
    }

    /**
     * {@code rows} employees of {@code unit} (NIPs 7000…, names with a quote and a comma for the CSV quoting) and their
     * rows of {@code year}, with JP from 0 to 39; the unit must exist.
     */
    static void insert(String reportingJdbcUrl, String unit, int rows, int year) throws SQLException {
        try (Connection connection = DriverManager.getConnection(reportingJdbcUrl, PostgresServer.USER,
                PostgresServer.USER); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO employee (nip, name, employment_type, position_level, unit_code, employed_from,"
                    + " version) SELECT '7' || lpad(g::text, 17, '0'), 'Pegawai \"' || g || '\", Kota', 'PNS',"
                    + " 'PELAKSANA', '" + unit + "', DATE '2010-01-01', 1 FROM generate_series(1, " + rows + ") g");
            sql.execute("INSERT INTO employee_year (nip, year, unit_code, employment_type, position_level, window_from,"
                    + " window_until, total_jp, jp_teknis, jp_manajerial, jp_sosial_kultural, jp_klasikal, jp_nonklasikal,"
                    + " jp_luring, jp_daring, jp_blended, completion_count, last_completion_date)"
                    + " SELECT '7' || lpad(g::text, 17, '0'), " + year + ", '" + unit + "', 'PNS', 'PELAKSANA',"
                    + " make_date(" + year + ", 1, 1), make_date(" + year + ", 12, 31), g % 40, g % 40, 0, 0, g % 40,"
                    + " 0, g % 40, 0, 0, 1, make_date(" + year + ", 1, 1) FROM generate_series(1, " + rows + ") g");
            sql.execute("ANALYZE");
        }
    }
}
