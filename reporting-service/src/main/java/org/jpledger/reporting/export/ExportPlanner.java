package org.jpledger.reporting.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.reporting.projection.UnitRepository;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;

/**
 * Turns an export request into what it may cover: the unit asked (which must be known and within the caller's units,
 * else 404 as for the compliance reads), or without one the caller's units, or everything for a whole-tree caller; then
 * takes a place among the exports in flight before the export takes its database connection.
 */
@ApplicationScoped
public class ExportPlanner {

    private final UnitRepository units;
    private final UnitAccess access;
    private final ExportService exports;
    private final ExportPermits permits;
    private final Clock clock;

    public ExportPlanner(UnitRepository units, UnitAccess access, ExportService exports, ExportPermits permits,
            Clock clock) {
        this.units = units;
        this.access = access;
        this.exports = exports;
        this.permits = permits;
        this.clock = clock;
    }

    /**
     * The prepared export, holding a place until it is written or closed; training-history dates default to the current
     * year up to today.
     *
     * @throws org.jpledger.support.limits.TooManyRequestsException when every place is taken
     */
    public PreparedExport prepare(ExportKind kind, Integer year, String unitCode, ComplianceStatus status,
            LocalDate from, LocalDate to, ExportLayout layout) {
        LocalDate today = TrainingCalendar.today(clock);
        ExportFilter filter = new ExportFilter(year != null ? year : today.getYear(), unitsFor(unitCode), status,
                from != null ? from : today.withDayOfYear(1), to != null ? to : today);
        return exports.prepare(kind, filter, layout, permits.acquire());
    }

    private List<String> unitsFor(String unitCode) {
        UnitScope scope = access.scope();
        if (unitCode != null) {
            if (units.findByIdOptional(unitCode).isEmpty() || !access.covers(scope, unitCode)) {
                throw new ResourceNotFoundException("No unit with this code is known to reporting within your units.");
            }
            return List.of(unitCode);
        }
        return scope.isAll() ? null : List.copyOf(scope.roots());
    }
}
