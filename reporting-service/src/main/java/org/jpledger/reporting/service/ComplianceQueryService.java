package org.jpledger.reporting.service;

import static org.jpledger.reporting.api.EmployeeComplianceResponse.byCompetencyType;
import static org.jpledger.reporting.api.EmployeeComplianceResponse.byDeliveryMode;
import static org.jpledger.reporting.api.EmployeeComplianceResponse.byMethod;
import static org.jpledger.reporting.api.EmployeeComplianceResponse.hours;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.JpBands;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.reporting.api.ComplianceFigures;
import org.jpledger.reporting.api.EmployeeComplianceResponse;
import org.jpledger.reporting.api.EmployeeComplianceResponse.CountedCompletion;
import org.jpledger.reporting.api.EmployeeComplianceResponse.Exemption;
import org.jpledger.reporting.api.EmployeeCursor;
import org.jpledger.reporting.api.EmployeePage;
import org.jpledger.reporting.api.JpBreakdownResponse;
import org.jpledger.reporting.api.SummaryResponse;
import org.jpledger.reporting.api.UnitComplianceResponse;
import org.jpledger.reporting.api.UnitComplianceResponse.UnitRow;
import org.jpledger.reporting.api.YearsResponse;
import org.jpledger.reporting.closing.standing.ClosingLookup;
import org.jpledger.reporting.closing.standing.StandingClosing;
import org.jpledger.reporting.config.ReportingConfig;
import org.jpledger.reporting.consumer.ConsumerProgress;
import org.jpledger.reporting.projection.CompletionFactRepository;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.ComplianceRepository.YearPolicies;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.reporting.projection.Employee;
import org.jpledger.reporting.projection.EmployeeFilter;
import org.jpledger.reporting.projection.EmployeeOrder;
import org.jpledger.reporting.projection.EmployeeRecords;
import org.jpledger.reporting.projection.EmployeeRepository;
import org.jpledger.reporting.projection.EmployeeYear;
import org.jpledger.reporting.projection.EmployeeYearRepository;
import org.jpledger.reporting.projection.FigureQuery;
import org.jpledger.reporting.projection.JpBreakdown;
import org.jpledger.reporting.projection.JpBreakdownRepository;
import org.jpledger.reporting.projection.RatedEmployee;
import org.jpledger.reporting.projection.UnitFigures;
import org.jpledger.reporting.projection.UnitRepository;
import org.jpledger.reporting.projection.YearUnit;
import org.jpledger.reporting.projection.YearSums;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;

/**
 * Answers compliance questions from the projections, judged by the year's policy as of today (Asia/Jakarta), showing a
 * caller only the units its token names and those below them.
 */
@ApplicationScoped
public class ComplianceQueryService {

    private final EmployeeRepository employees;
    private final EmployeeYearRepository employeeYears;
    private final CompletionFactRepository facts;
    private final UnitRepository units;
    private final ComplianceRepository compliance;
    private final JpBreakdownRepository breakdowns;
    private final ConsumerProgress progress;
    private final Clock clock;
    private final UnitAccess access;
    private final ReportingConfig config;
    private final EmployeeRecords records;
    private final ClosingLookup closings;
    private final ClosedFigures closed;

    public ComplianceQueryService(EmployeeRepository employees, EmployeeYearRepository employeeYears,
            CompletionFactRepository facts, UnitRepository units, ComplianceRepository compliance,
            JpBreakdownRepository breakdowns, ConsumerProgress progress, Clock clock, UnitAccess access,
            ReportingConfig config, EmployeeRecords records, ClosingLookup closings, ClosedFigures closed) {
        this.employees = employees;
        this.employeeYears = employeeYears;
        this.facts = facts;
        this.units = units;
        this.compliance = compliance;
        this.breakdowns = breakdowns;
        this.progress = progress;
        this.clock = clock;
        this.access = access;
        this.config = config;
        this.records = records;
        this.closings = closings;
        this.closed = closed;
    }

    /**
     * One employee in a training year: from the standing closing holding their row unless {@code live}, else (and for
     * an open year) as {@link #employeeYear(String, Integer)} answers, naming the year's standing closing.
     */
    @Transactional
    public EmployeeComplianceResponse employeeYear(String nip, Integer year, boolean live) {
        int trainingYear = yearOr(year);
        Optional<ClosingLookup.Covered> covered = closings.employee(trainingYear, nip);
        if (!live && covered.isPresent()) {
            EmployeeComplianceResponse answer = closed.employee(covered.get());
            // The unit the employee counted in when the year was closed decides who may read the closed figures.
            if (!access.covers(answer.unitCode())) {
                throw employeeNotFound();
            }
            return answer;
        }
        EmployeeComplianceResponse answer = employeeYear(nip, trainingYear);
        return answer.marked(false, closed.mark(covered.map(ClosingLookup.Covered::closing)
                .or(() -> closings.whole(trainingYear)).orElse(null)));
    }

    /** A unit's figures: from the standing closing holding the unit unless {@code live}, else as today. */
    @Transactional
    public UnitComplianceResponse unit(String code, Integer year, boolean live) {
        int trainingYear = yearOr(year);
        Optional<ClosingLookup.Covered> covered = closings.unit(trainingYear, code);
        if (!live && covered.isPresent()) {
            visibleUnit(code);
            return closed.unit(covered.get());
        }
        return unit(code, trainingYear).marked(false, closed.mark(covered.map(ClosingLookup.Covered::closing)
                .or(() -> closings.whole(trainingYear)).orElse(null)));
    }

    /** A unit's employees: from the standing closing holding the unit unless {@code live}, else as today. */
    @Transactional
    public EmployeePage unitEmployees(String code, Integer year, EmployeeFilter filter, EmployeeOrder order,
            EmployeeOrder.Position after, int limit, boolean live) {
        int trainingYear = yearOr(year);
        Optional<StandingClosing> closing = closings.unit(trainingYear, code).map(ClosingLookup.Covered::closing);
        if (!live && closing.isPresent()) {
            visibleUnit(code);
            return closed.employees(closing.get(), List.of(code), filter, order, after, limit);
        }
        return unitEmployees(code, trainingYear, filter, order, after, limit)
                .marked(false, closed.mark(closing.or(() -> closings.whole(trainingYear)).orElse(null)));
    }

    /**
     * The organisation's employees: from the whole closing (over the caller's units), or for a caller of one unit
     * from the closing holding it, unless {@code live}; else as today.
     */
    @Transactional
    public EmployeePage organisationEmployees(Integer year, EmployeeFilter filter, EmployeeOrder order,
            EmployeeOrder.Position after, int limit, boolean live) {
        int trainingYear = yearOr(year);
        UnitScope scope = access.scope();
        Optional<StandingClosing> closing = closingOfScope(trainingYear, scope, false);
        if (!live && closing.isPresent()) {
            return closed.employees(closing.get(), scope.isAll() ? null : scope.roots(), filter, order, after, limit);
        }
        return organisationEmployees(trainingYear, filter, order, after, limit).marked(false,
                closed.mark(closing.or(() -> closings.whole(trainingYear)).orElse(null)));
    }

    /**
     * The organisation's summary: from the whole closing, or for a caller of one unit from the closing holding it,
     * unless {@code live}; else as today (so for a caller of several units, whose subtrees' figures are counted
     * together, always live).
     */
    @Transactional
    public SummaryResponse summary(Integer year, boolean live) {
        int trainingYear = yearOr(year);
        UnitScope scope = access.scope();
        if (!live && scope.isAll()) {
            Optional<StandingClosing> whole = closings.whole(trainingYear);
            if (whole.isPresent()) {
                return closed.summary(whole.get());
            }
        } else if (!live && scope.roots().size() == 1) {
            Optional<ClosingLookup.Covered> covered = closings.unit(trainingYear, scope.roots().iterator().next());
            if (covered.isPresent()) {
                return closed.summaryOf(covered.get());
            }
        }
        return summary(trainingYear).marked(false,
                closed.mark(closingOfScope(trainingYear, scope, true).orElse(null)));
    }

    /**
     * The standing closing whose rows cover the caller's units: the whole closing, or the one holding a caller's only
     * unit; with {@code any}, also a closing holding one of several units (to name beside live figures).
     */
    private Optional<StandingClosing> closingOfScope(int year, UnitScope scope, boolean any) {
        Optional<StandingClosing> whole = closings.whole(year);
        if (whole.isPresent() || scope.isAll() || scope.roots().size() != 1 && !any) {
            return whole;
        }
        return scope.roots().stream().map(root -> closings.unit(year, root)).flatMap(Optional::stream)
                .map(ClosingLookup.Covered::closing).findFirst();
    }

    /** One employee in a training year: totals, breakdowns, target, status and the completions counted. */
    @Transactional
    public EmployeeComplianceResponse employeeYear(String nip, Integer year) {
        int trainingYear = yearOr(year);
        Employee employee = employees.findByIdOptional(nip).orElseThrow(ComplianceQueryService::employeeNotFound);
        EmployeeYear row = employeeYears.findById(new EmployeeYear.Key(nip, trainingYear));
        // The employee belongs, for the year, to the unit they count in then (today's unit outside their years).
        String unitCode = row == null || row.unitCode == null ? employee.unitCode : row.unitCode;
        if (!access.covers(unitCode)) {
            throw employeeNotFound();
        }
        Optional<RatedEmployee> rated = compliance.employee(nip, trainingYear, policiesOf(trainingYear), today());
        // Rejected completions never count: they are left out as voided ones are.
        List<CountedCompletion> counted = facts.list("nip = ?1 and year = ?2 and status = ?3 and verification <> ?4 "
                + "order by endDate desc, completionId", nip, trainingYear, CompletionStatus.ACTIVE,
                VerificationState.REJECTED).stream()
                .map(CountedCompletion::of).toList();
        if (rated.isPresent()) {
            return EmployeeComplianceResponse.rated(rated.get(), employee, records.exemptions(employee), counted,
                    asOf());
        }
        // Not in service in the year: shown with what the year holds, and not counted anywhere.
        YearSums sums = row == null ? YearSums.none(trainingYear) : sumsOf(row);
        YearUnit unit = unitCode == null ? null : units.inYear(unitCode, trainingYear).orElse(null);
        return new EmployeeComplianceResponse(nip, employee.name, trainingYear, unitCode, unit == null ? null : unit.name(),
                name(row == null || row.employmentType == null ? employee.employmentType : row.employmentType),
                name(row == null || row.positionLevel == null ? employee.positionLevel : row.positionLevel), null, null,
                sums.totalJp(),
                hours(sums.totalJp(), trainingYear), BigDecimal.ZERO, BigDecimal.ZERO, ComplianceStatus.NOT_EMPLOYED,
                byCompetencyType(sums.jpTeknis(), sums.jpManajerial(), sums.jpSosialKultural()),
                byMethod(sums.jpKlasikal(), sums.jpNonklasikal()),
                byDeliveryMode(sums.jpLuring(), sums.jpDaring(), sums.jpBlended()), sums.completionCount(),
                sums.lastCompletionDate(), counted, asOf(), null, null, null, null, null, null, null, 0,
                exemptions(employee, LocalDate.of(trainingYear, 1, 1), LocalDate.of(trainingYear, 12, 31)), null);
    }

    /** The employee's exemption periods overlapping the days from {@code from} through {@code until}, oldest first. */
    private List<Exemption> exemptions(Employee employee, LocalDate from, LocalDate until) {
        return Exemption.overlapping(records.exemptions(employee), from, until);
    }

    /**
     * A unit's figures over its subtree, and each direct child's over its own, in the year's tree: names and parents as
     * they were on 31 December of the year.
     */
    @Transactional
    public UnitComplianceResponse unit(String code, Integer year) {
        int trainingYear = yearOr(year);
        YearUnit unit = unitOfYear(code, trainingYear);
        Map<String, UnitFigures> below = compliance.figuresBelow(code, trainingYear, policiesOf(trainingYear), today());
        UnitFigures total = below.values().stream().reduce(UnitFigures.NONE, UnitFigures::plus);
        List<UnitRow> children = units.children(code, trainingYear).stream()
                .map(child -> row(child, below.getOrDefault(child.code(), UnitFigures.NONE))).toList();
        return new UnitComplianceResponse(trainingYear, row(unit, total), children, asOf());
    }

    /** The employees of a unit's subtree, one page in the given order. */
    @Transactional
    public EmployeePage unitEmployees(String code, Integer year, EmployeeFilter filter, EmployeeOrder order,
            EmployeeOrder.Position after, int limit) {
        unitOfYear(code, yearOr(year));
        return employees(List.of(code), year, filter, order, after, limit);
    }

    /**
     * The employees of the whole organisation, one page in the given order; for a caller limited to some units, of
     * those units' subtrees together.
     */
    @Transactional
    public EmployeePage organisationEmployees(Integer year, EmployeeFilter filter, EmployeeOrder order,
            EmployeeOrder.Position after, int limit) {
        UnitScope scope = access.scope();
        return employees(scope.isAll() ? null : scope.roots(), year, filter, order, after, limit);
    }

    private EmployeePage employees(Collection<String> roots, Integer year, EmployeeFilter filter, EmployeeOrder order,
            EmployeeOrder.Position after, int limit) {
        int trainingYear = yearOr(year);
        List<RatedEmployee> rows = compliance.employeesOf(roots, trainingYear, policiesOf(trainingYear), today(), filter,
                order, after, limit);
        boolean more = rows.size() > limit;
        List<RatedEmployee> page = more ? rows.subList(0, limit) : rows;
        String next = more ? EmployeeCursor.encode(order, order.positionOf(page.get(page.size() - 1))) : null;
        return new EmployeePage(trainingYear, page.stream().map(EmployeePage.EmployeeRow::of).toList(), next,
                asOf());
    }

    /**
     * The whole organisation's figures and each top-level unit's; for a caller limited to some units, the figures of
     * those units' subtrees together and each of those units'.
     */
    @Transactional
    public SummaryResponse summary(Integer year) {
        int trainingYear = yearOr(year);
        YearPolicies terms = policiesOf(trainingYear);
        LocalDate today = today();
        UnitScope scope = access.scope();
        if (!scope.isAll()) {
            Map<String, UnitFigures> figures = compliance.figuresOfUnits(scope.roots(), trainingYear, terms, today);
            List<UnitRow> top = units.withCodes(scope.roots(), trainingYear).stream()
                    .map(unit -> row(unit, figures.getOrDefault(unit.code(), UnitFigures.NONE))).toList();
            return new SummaryResponse(trainingYear, ComplianceFigures.of(
                    compliance.figuresOfSubtrees(scope.roots(), trainingYear, terms, today)), top, asOf());
        }
        Map<String, UnitFigures> roots = compliance.figuresOfRoots(trainingYear, terms, today);
        List<UnitRow> top = units.roots(trainingYear).stream()
                .map(unit -> row(unit, roots.getOrDefault(unit.code(), UnitFigures.NONE))).toList();
        return new SummaryResponse(trainingYear, ComplianceFigures.of(compliance.figuresOfAll(trainingYear, terms, today)),
                top, asOf());
    }

    /**
     * The JP of a unit's subtree by method, competency type and delivery mode, and its employees by JP band; with no
     * unit, of the organisation as the summary covers it (for a caller limited to some units, their subtrees together).
     */
    @Transactional
    public JpBreakdownResponse breakdown(String code, Integer year) {
        int trainingYear = yearOr(year);
        FigureQuery question;
        if (code != null) {
            unitOfYear(code, trainingYear);
            question = FigureQuery.subtrees(List.of(code));
        } else {
            UnitScope scope = access.scope();
            question = scope.isAll() ? FigureQuery.all() : FigureQuery.subtrees(scope.roots());
        }
        JpBreakdown b = breakdowns.breakdown(question, trainingYear);
        List<JpBreakdownResponse.JpBand> bands = new ArrayList<>();
        for (int i = 0; i < b.bandCounts().size(); i++) {
            bands.add(new JpBreakdownResponse.JpBand(JpBands.EDGES.get(i), JpBands.upperEdge(i), b.bandCounts().get(i)));
        }
        return new JpBreakdownResponse(trainingYear, code, b.headcount(), b.withoutJp(),
                byMethod(b.jpKlasikal(), b.jpNonklasikal()),
                byCompetencyType(b.jpTeknis(), b.jpManajerial(), b.jpSosialKultural()),
                byDeliveryMode(b.jpLuring(), b.jpDaring(), b.jpBlended()), bands, asOf());
    }

    /** The training years reported on: the current one back to the first configured. */
    public YearsResponse years() {
        int current = today().getYear();
        List<Integer> years = new ArrayList<>();
        for (int year = current; year >= Math.min(config.firstYear(), current); year--) {
            years.add(year);
        }
        return new YearsResponse(current, years);
    }

    /**
     * The unit as it was in {@code year}'s tree, if reporting knows it and the caller's units cover it (404 either way
     * otherwise, one answer for both); 404 too when it did not exist on 31 December of the year.
     */
    private YearUnit unitOfYear(String code, int year) {
        visibleUnit(code);
        return units.inYear(code, year).orElseThrow(() -> new ResourceNotFoundException(
                "The unit did not exist on 31 December " + year + ": its figures of that year are in the units "
                        + "of that year's tree."));
    }

    /** Refuses a unit unknown to reporting or outside the caller's units, with the same answer. */
    private void visibleUnit(String code) {
        units.findByIdOptional(code).orElseThrow(ComplianceQueryService::unitNotFound);
        if (!access.covers(code)) {
            throw unitNotFound();
        }
    }

    // One answer for "unknown" and "not yours": the second must not reveal that the employee or unit exists.
    private static ResourceNotFoundException employeeNotFound() {
        return new ResourceNotFoundException("No employee with this NIP is known to reporting within your units.");
    }

    private static ResourceNotFoundException unitNotFound() {
        return new ResourceNotFoundException("No unit with this code is known to reporting within your units.");
    }

    /** The time of the newest event the projections have handled: the figures are as of then. */
    private Instant asOf() {
        return progress.newestAppliedEventTime().orElse(null);
    }

    private YearPolicies policiesOf(int year) {
        return compliance.policiesOf(year);
    }

    private int yearOr(Integer year) {
        return year != null ? year : today().getYear();
    }

    private LocalDate today() {
        return TrainingCalendar.today(clock);
    }

    private static UnitRow row(YearUnit unit, UnitFigures figures) {
        return new UnitRow(unit.code(), unit.name(), unit.parentCode(), ComplianceFigures.of(figures));
    }

    private static YearSums sumsOf(EmployeeYear row) {
        return new YearSums(row.year, row.completionCount, row.totalJp, row.jpTeknis, row.jpManajerial,
                row.jpSosialKultural, row.jpKlasikal, row.jpNonklasikal, row.jpLuring, row.jpDaring, row.jpBlended,
                row.lastCompletionDate, row.verifiedJp, row.trustedJp, row.flaggedJp);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
