package org.jpledger.reporting.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.closing.standing.ClosingLookup;
import org.jpledger.reporting.closing.standing.StandingClosing;
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
    private final ClosingLookup closings;

    public ExportPlanner(UnitRepository units, UnitAccess access, ExportService exports, ExportPermits permits,
            Clock clock, ClosingLookup closings) {
        this.units = units;
        this.access = access;
        this.exports = exports;
        this.permits = permits;
        this.clock = clock;
        this.closings = closings;
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
        // Looked up before the export holds its snapshot and place: the rows are rated now, so a closed year's export
        // is marked live, naming the closing that stands.
        FiguresMark mark = kind == ExportKind.TRAINING_HISTORY ? null
                : new FiguresMark(false, standingClosing(filter).map(StandingClosing::version).orElse(null));
        PreparedExport export = exports.prepare(kind, filter, layout, permits.acquire());
        export.mark(mark);
        return export;
    }

    /** The standing closing of the year covering the exported units (the first found for several roots). */
    private Optional<StandingClosing> standingClosing(ExportFilter filter) {
        Optional<StandingClosing> whole = closings.whole(filter.year());
        if (whole.isPresent() || filter.units() == null) {
            return whole;
        }
        return filter.units().stream().map(code -> closings.unit(filter.year(), code)).flatMap(Optional::stream)
                .map(ClosingLookup.Covered::closing).findFirst();
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
