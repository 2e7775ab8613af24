package org.jpledger.reporting.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.ComplianceRepository.YearPolicies;

/**
 * Prepares exports: opens the snapshot, reads its as-of time, the year's policy and the row count, and leaves the rows
 * to stream.
 */
@ApplicationScoped
public class ExportService {

    private final DataSource dataSource;
    private final ComplianceRepository compliance;
    private final Clock clock;

    public ExportService(DataSource dataSource, ComplianceRepository compliance, Clock clock) {
        this.dataSource = dataSource;
        this.compliance = compliance;
        this.clock = clock;
    }

    /** The export of {@code kind} for {@code filter}, its snapshot open; the caller writes or closes it. */
    public PreparedExport prepare(ExportKind kind, ExportFilter filter, ExportLayout layout) {
        return prepare(kind, filter, layout, () -> {
        });
    }

    /**
     * The export of {@code kind} for {@code filter}, its snapshot open, running {@code onEnd} once it is written or
     * closed; the caller writes or closes it. A failure to prepare runs {@code onEnd} before it is thrown.
     */
    public PreparedExport prepare(ExportKind kind, ExportFilter filter, ExportLayout layout, Runnable onEnd) {
        ExportSnapshot snapshot;
        try {
            snapshot = ExportSnapshot.open(dataSource);
        } catch (RuntimeException e) {
            onEnd.run();
            throw e;
        }
        try {
            Instant asOf = snapshot.asOf();
            YearPolicies policies = snapshot.policies(filter.year());
            Map<String, Object> values = new HashMap<>(compliance.ratingParameters(filter.year(), policies,
                    TrainingCalendar.today(clock)));
            values.putAll(ExportQueries.parameters(filter));
            long rows = snapshot.count(NamedSql.of(ExportQueries.count(kind)), values);
            return new PreparedExport(kind, filter, layout, asOf, rows, snapshot, NamedSql.of(ExportQueries.rows(kind)),
                    values, onEnd);
        } catch (SQLException | RuntimeException e) {
            try {
                snapshot.close();
            } finally {
                onEnd.run();
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException("export failed", e);
        }
    }
}
