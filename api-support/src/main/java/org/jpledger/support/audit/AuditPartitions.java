package org.jpledger.support.audit;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The audit log's monthly partitions (UTC months, named {@code audit_entry_yYYYYmMM}): made ahead of time so that
 * entries never land in the catch-all default partition, and dropped a whole month at a time once past the retention
 * period — the only way anything leaves the log, and an audited admin act.
 */
@ApplicationScoped
public class AuditPartitions {

    /** Months made ahead of the current one. */
    static final int MONTHS_AHEAD = 2;
    /** Longest wait for the audit table's lock while dropping a month. */
    static final String LOCK_WAIT = "5s";
    private static final Pattern MONTHLY = Pattern.compile("audit_entry_y(\\d{4})m(\\d{2})");

    private final DataSource dataSource;
    private final AuditConfig config;
    private final Clock clock;

    public AuditPartitions(DataSource dataSource, AuditConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** What a purge did: entries before {@code cutoff} were kept in the partitions it dropped. */
    public record Purge(YearMonth cutoff, List<String> dropped) {
    }

    /** Makes the partitions of this month and the next {@value #MONTHS_AHEAD}, where missing. */
    public void makeAhead() {
        YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        for (int i = 0; i <= MONTHS_AHEAD; i++) {
            make(now.plusMonths(i));
        }
    }

    /** Makes one month's partition, unless it exists. */
    public void make(YearMonth month) {
        String sql = "CREATE TABLE IF NOT EXISTS " + nameOf(month) + " PARTITION OF audit_entry FOR VALUES FROM ('"
                + month.atDay(1) + " 00:00:00+00') TO ('" + month.plusMonths(1).atDay(1) + " 00:00:00+00')";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            // Entries of that month already in the default partition: they stay there, and nothing is lost.
            Log.warnf("could not make the audit log's partition for %s: %s", month, e.getMessage());
        }
    }

    /**
     * Drops the monthly partitions that ended before the retention period (whole months counted back from the current
     * one); nothing when the retention is 0 (keep everything).
     */
    public Purge purge() {
        if (config.retentionMonths() <= 0) {
            return new Purge(null, List.of());
        }
        YearMonth cutoff = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(config.retentionMonths());
        List<String> dropped = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String partition : monthly(connection)) {
                Matcher name = MONTHLY.matcher(partition);
                if (name.matches() && YearMonth.of(Integer.parseInt(name.group(1)), Integer.parseInt(name.group(2)))
                        .isBefore(cutoff)) {
                    drop(connection, partition);
                    dropped.add(partition);
                    Log.infof("audit log: dropped %s, past the retention of %d months", partition,
                            config.retentionMonths());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge the audit log's old partitions", e);
        }
        return new Purge(cutoff, dropped);
    }

    /**
     * Detaches and drops one partition in one transaction, so that a failure leaves it attached for the next purge;
     * waiting at most {@value #LOCK_WAIT} for the table lock, so that audited requests do not queue behind a long read.
     */
    private static void drop(Connection connection, String partition) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT + "'");
            statement.execute("ALTER TABLE audit_entry DETACH PARTITION " + partition);
            statement.execute("DROP TABLE " + partition);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static String nameOf(YearMonth month) {
        return String.format("audit_entry_y%04dm%02d", month.getYear(), month.getMonthValue());
    }

    private static List<String> monthly(Connection connection) throws SQLException {
        String sql = "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                + "WHERE i.inhparent = 'audit_entry'::regclass ORDER BY c.relname";
        List<String> names = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                if (MONTHLY.matcher(rows.getString(1)).matches()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }
}
