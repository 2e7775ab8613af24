package org.jpledger.reporting.projection;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.config.ReportingConfig;

/** Applies ledger events to the compliance tables; idempotent, because each row only moves to a newer version. */
@ApplicationScoped
public class ComplianceProjector {

    private final UnitRepository units;
    private final EmployeeRepository employees;
    private final UnitHistoryRepository histories;
    private final CompletionFactRepository facts;
    private final EmployeeYearRepository employeeYears;
    private final UnitFiguresRepository unitFigures;
    private final ReportingConfig config;
    private final Clock clock;

    public ComplianceProjector(UnitRepository units, EmployeeRepository employees, UnitHistoryRepository histories,
            CompletionFactRepository facts, EmployeeYearRepository employeeYears, UnitFiguresRepository unitFigures,
            ReportingConfig config, Clock clock) {
        this.units = units;
        this.employees = employees;
        this.histories = histories;
        this.facts = facts;
        this.employeeYears = employeeYears;
        this.unitFigures = unitFigures;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Applies one event payload in the caller's transaction, with its employee's rows refreshed at once.
     *
     * @return true if a row changed, false if the event was a duplicate or older than what is stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(Object payload) {
        Set<String> touched = new HashSet<>();
        boolean changed = apply(payload, touched);
        refresh(touched);
        return changed;
    }

    /**
     * Applies one event payload in the caller's transaction and adds the NIPs whose yearly rows it affects to
     * {@code touched}; the caller refreshes them with {@link #refresh} before committing (once per batch, however many
     * events of an employee the batch holds).
     *
     * @return true if a row changed, false if the event was a duplicate or older than what is stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(Object payload, Set<String> touched) {
        if (payload instanceof UnitUpserted unit) {
            return applyUnit(unit);
        }
        if (payload instanceof EmployeeUpserted employee) {
            return applyEmployee(employee, touched);
        }
        if (payload instanceof CompletionRecorded completion) {
            return applyCompletion(completion, touched);
        }
        throw new IllegalArgumentException("no projection for " + payload.getClass().getName());
    }

    /** Whether an event of the employee has been applied (in this transaction or before). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean knowsEmployee(String nip) {
        return employees.findById(nip) != null;
    }

    /**
     * Recomputes the yearly rows of each given employee from what this transaction has applied so far, and moves the
     * precomputed unit figures with them (out of the units the employees counted in, into the ones they count in now),
     * in this transaction: figures and rows commit together or not at all, so a redelivered batch cannot count twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Set<String> nips) {
        if (nips.isEmpty()) {
            return;
        }
        // One flush for all: the queries of the refresh read the database and do not flush the session again.
        employees.flush();
        List<ComplianceRepository.Rating> ratings = unitFigures.ratings();
        Map<UnitFiguresRepository.Key, UnitFigures> before = unitFigures.contributionsOf(nips, ratings);
        for (String nip : nips) {
            refreshYears(nip);
        }
        employees.flush();
        unitFigures.move(before, unitFigures.contributionsOf(nips, ratings));
    }

    private boolean applyUnit(UnitUpserted event) {
        Unit unit = units.findById(event.code());
        if (!Versions.supersedes(event.version(), unit == null ? null : unit.version)) {
            Log.debugf("Ignored unit %s version %d: stored version is %d", event.code(), event.version(), unit.version);
            return false;
        }
        if (unit == null) {
            unit = new Unit();
            unit.code = event.code();
        }
        unit.name = event.name();
        unit.parentCode = event.parentCode();
        unit.version = event.version();
        units.persist(unit);
        return true;
    }

    private boolean applyEmployee(EmployeeUpserted event, Set<String> touched) {
        Employee employee = employees.findById(event.nip());
        if (!Versions.supersedes(event.version(), employee == null ? null : employee.version)) {
            Log.debugf("Ignored employee %s version %d: stored version is %d", event.nip(), event.version(),
                    employee.version);
            return false;
        }
        if (employee == null) {
            employee = new Employee();
            employee.nip = event.nip();
        }
        employee.name = event.name();
        employee.employmentType = event.employmentType();
        employee.positionLevel = event.positionLevel();
        employee.unitCode = event.unitCode();
        employee.employedFrom = event.employedFrom();
        employee.employedUntil = event.employedUntil();
        employee.version = event.version();
        employees.persist(employee);
        histories.replace(event.nip(), event.unitHistory() == null ? List.of() : event.unitHistory());
        touched.add(event.nip());
        return true;
    }

    /**
     * Recorded, amended and voided events alike carry the completion's full state: the newest version replaces the
     * fact, whatever its type. A void of a completion not yet seen is stored too, so that older versions stay ignored.
     */
    private boolean applyCompletion(CompletionRecorded event, Set<String> touched) {
        CompletionFact fact = facts.findById(event.completionId());
        if (!Versions.supersedes(event.version(), fact == null ? null : fact.version)) {
            Log.debugf("Ignored completion %s version %d: stored version is %d", event.completionId(), event.version(),
                    fact.version);
            return false;
        }
        String previousNip = fact == null ? null : fact.nip;
        if (fact == null) {
            fact = new CompletionFact();
            fact.completionId = event.completionId();
        }
        fact.version = event.version();
        fact.nip = event.nip();
        fact.year = event.year();
        fact.recognizedJp = event.recognizedJp();
        fact.kindId = event.kindId();
        fact.method = event.method();
        fact.competencyType = event.competencyType();
        fact.deliveryMode = event.deliveryMode();
        fact.title = event.title();
        fact.provider = event.provider();
        fact.startDate = event.startDate();
        fact.endDate = event.endDate();
        fact.international = event.international();
        fact.sourceSystem = event.sourceSystem();
        fact.externalId = event.externalId();
        fact.certificateNumber = event.certificateNumber();
        fact.status = event.active() ? CompletionStatus.ACTIVE : CompletionStatus.VOIDED;
        fact.ruleVersion = event.ruleVersion();
        fact.voidReason = event.voidReason();
        facts.persist(fact);
        // Recomputed from the active facts, so a void drops the completion from its year, an amendment moves it.
        touched.add(fact.nip);
        if (previousNip != null) {
            touched.add(previousNip);
        }
        return true;
    }

    /**
     * Recomputes the employee's rows of {@code employee_year} from the employee, its unit history and its active
     * completion facts as flushed: one row for each year from the first reported year through the current one with a day in
     * service, and for each year with active completions. Rows of other years go.
     */
    private void refreshYears(String nip) {
        Employee employee = employees.findById(nip);
        List<UnitAssignment> history = employee == null ? List.of() : histories.of(nip);
        Map<Integer, YearSums> sums = facts.yearSums(nip);
        Set<Integer> years = new TreeSet<>(sums.keySet());
        if (employee != null) {
            int currentYear = TrainingCalendar.today(clock).getYear();
            EmploymentYears.yearsEmployed(employee.employedFrom, employee.employedUntil, config.firstYear(), currentYear)
                    .forEach(years::add);
        }
        Map<Integer, EmployeeYear> stale = new HashMap<>();
        employeeYears.ofEmployee(nip).forEach(row -> stale.put(row.year, row));
        for (int year : years) {
            EmployeeYear row = stale.remove(year);
            if (row == null) {
                row = new EmployeeYear();
                row.nip = nip;
                row.year = year;
            }
            fill(row, employee, history, sums.getOrDefault(year, YearSums.none(year)));
            employeeYears.persist(row);
        }
        stale.values().forEach(employeeYears::delete);
    }

    private static void fill(EmployeeYear row, Employee employee, List<UnitAssignment> history, YearSums sums) {
        Optional<EmploymentYears.Window> window = employee == null ? Optional.empty()
                : EmploymentYears.windowIn(row.year, employee.employedFrom, employee.employedUntil);
        row.windowFrom = window.map(EmploymentYears.Window::from).orElse(null);
        row.windowUntil = window.map(EmploymentYears.Window::until).orElse(null);
        if (employee == null) {
            row.unitCode = null;
            row.employmentType = null;
            row.positionLevel = null;
        } else {
            LocalDate lastDay = window.map(EmploymentYears.Window::until).orElse(LocalDate.of(row.year, 12, 31));
            row.unitCode = EmploymentYears.unitOn(lastDay, history, employee.unitCode);
            row.employmentType = employee.employmentType;
            row.positionLevel = employee.positionLevel;
        }
        row.totalJp = sums.totalJp();
        row.jpTeknis = sums.jpTeknis();
        row.jpManajerial = sums.jpManajerial();
        row.jpSosialKultural = sums.jpSosialKultural();
        row.jpKlasikal = sums.jpKlasikal();
        row.jpNonklasikal = sums.jpNonklasikal();
        row.jpLuring = sums.jpLuring();
        row.jpDaring = sums.jpDaring();
        row.jpBlended = sums.jpBlended();
        row.completionCount = sums.completionCount();
        row.lastCompletionDate = sums.lastCompletionDate();
    }
}
