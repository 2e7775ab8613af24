package org.jpledger.reporting.siasn.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.reporting.export.ExportPermits;
import org.jpledger.reporting.export.ExportSnapshot;
import org.jpledger.reporting.siasn.SiasnFormat;
import org.jpledger.reporting.siasn.SiasnQueries;

/**
 * Prepares the full SIASN training history of the units asked: takes a place among the exports in flight, then opens
 * the export's snapshot; the caller streams or closes it.
 */
@ApplicationScoped
public class SiasnExportService {

    private final DataSource dataSource;
    private final ExportPermits permits;
    private final SiasnScope scope;
    private final ObjectMapper json;

    public SiasnExportService(DataSource dataSource, ExportPermits permits, SiasnScope scope, ObjectMapper json) {
        this.dataSource = dataSource;
        this.permits = permits;
        this.scope = scope;
        this.json = json;
    }

    /** What the full export asks for; a null shape means both (XLSX only), null dates no bound, null units the caller's. */
    public record FullExport(List<String> units, SiasnShape shape, SiasnFormat format, LocalDate from, LocalDate to) {
    }

    /**
     * The export, holding a place until written or closed.
     *
     * @throws org.jpledger.support.limits.TooManyRequestsException when every place is taken
     * @throws org.jpledger.support.problem.ResourceNotFoundException when a unit is unknown or outside the caller's
     */
    public SiasnFullExport prepare(FullExport request) {
        List<String> units = scope.unitsFor(request.units());
        List<SiasnShape> shapes = request.shape() == null ? List.of(SiasnShape.values()) : List.of(request.shape());
        Runnable release = permits.acquire();
        ExportSnapshot snapshot;
        try {
            snapshot = ExportSnapshot.open(dataSource);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        try {
            Instant asOf = snapshot.asOf();
            return new SiasnFullExport(snapshot, asOf, shapes, request.format(),
                    SiasnQueries.parameters(units, null, request.from(), request.to()), json, release);
        } catch (SQLException | RuntimeException e) {
            try {
                snapshot.close();
            } finally {
                release.run();
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException("export failed", e);
        }
    }
}
