package org.jpledger.reporting.projection;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.reporting.config.ReportingConfig;

/** Applies ledger events to the compliance tables; idempotent, because each row only moves to a newer version. */
@ApplicationScoped
public class ComplianceProjector {

    private final UnitRepository units;
    private final EmployeeRepository employees;
    private final UnitHistoryRepository histories;
    private final UnitPeriodRepository unitPeriods;
    private final CompletionFactRepository facts;
    private final EmployeeYearRepository employeeYears;
    private final UnitFiguresRepository unitFigures;
    private final ReportingConfig config;
    private final Clock clock;
    private final EmployeeRecords records;

    public ComplianceProjector(UnitRepository units, EmployeeRepository employees, UnitHistoryRepository histories,
            CompletionFactRepository facts, EmployeeYearRepository employeeYears, UnitFiguresRepository unitFigures,
            ReportingConfig config, Clock clock, EmployeeRecords records, UnitPeriodRepository unitPeriods) {
        this.units = units;
        this.unitPeriods = unitPeriods;
        this.employees = employees;
        this.histories = histories;
        this.facts = facts;
        this.employeeYears = employeeYears;
        this.unitFigures = unitFigures;
        this.config = config;
        this.clock = clock;
        this.records = records;
    }

    /**
     * Applies one event payload in the caller's transaction, with its employee's rows refreshed at once.
     *
     * @return true if a row changed, false if the event was a duplicate or older than what is stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(Object payload) {
        ProjectionBatch batch = begin(List.of(payload));
        boolean changed = apply(payload, batch);
        finish(batch);
        return changed;
    }

    /**
     * Starts a batch of events in the caller's transaction: reads the employees and completion facts the payloads
     * name in one query each, so that applying them costs no further round trip per event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProjectionBatch begin(Collection<?> payloads) {
        ProjectionBatch batch = new ProjectionBatch();
        Set<String> nips = new HashSet<>();
        Set<UUID> completionIds = new HashSet<>();
        for (Object payload : payloads) {
            if (payload instanceof EmployeeUpserted employee) {
                nips.add(employee.nip());
            } else if (payload instanceof CompletionRecorded completion) {
                nips.add(completion.nip());
                completionIds.add(completion.completionId());
            }
        }
        load(batch, nips);
        completionIds.forEach(id -> batch.facts.put(id, null));
        facts.byId(completionIds).forEach(fact -> batch.facts.put(fact.completionId, fact));
        return batch;
    }

    /**
     * Applies one event payload of the batch in the caller's transaction; its employees' yearly rows are recomputed
     * by {@link #finish} (once per batch, however many events of an employee the batch holds).
     *
     * @return true if a row changed, false if the event was a duplicate or older than what is stored
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(Object payload, ProjectionBatch batch) {
        if (payload instanceof UnitUpserted unit) {
            return applyUnit(unit, batch);
        }
        if (payload instanceof EmployeeUpserted employee) {
            return applyEmployee(employee, batch);
        }
        if (payload instanceof CompletionRecorded completion) {
            return applyCompletion(completion, batch);
        }
        throw new IllegalArgumentException("no projection for " + payload.getClass().getName());
    }

    /** Whether an event of the employee has been applied (in this batch or before). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean knowsEmployee(String nip, ProjectionBatch batch) {
        if (!batch.employees.containsKey(nip)) {
            load(batch, Set.of(nip));
        }
        return batch.employees.get(nip) != null;
    }

    /** Writes the batch's unit histories and unit periods, and recomputes the yearly rows of every employee it touched. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(ProjectionBatch batch) {
        // One flush for all: the queries of the refresh read the database and do not flush the session again.
        employees.flush();
        histories.replaceAll(batch.histories);
        unitPeriods.replaceAll(batch.unitPeriods);
        refreshFlushed(batch, batch.touched);
    }

    /**
     * Recomputes the yearly rows of each given employee from what this transaction has applied so far, and moves the
     * precomputed unit figures with them (out of the units the employees counted in, into the ones they count in now),
     * in this transaction: figures and rows commit together or not at all, so a redelivered batch cannot count twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Set<String> nips) {
        employees.flush();
        refreshFlushed(new ProjectionBatch(), nips);
    }

    private void refreshFlushed(ProjectionBatch batch, Set<String> nips) {
        if (nips.isEmpty()) {
            return;
        }
        employees.lockYearlyRows(nips);
        // Read again what this batch did not write itself: another batch may have changed it before the lock.
        Set<String> unread = new HashSet<>(nips);
        unread.removeAll(batch.written);
        unread.forEach(nip -> {
            Employee read = batch.employees.get(nip);
            if (read != null) {
                employees.getEntityManager().detach(read);
            }
        });
        load(batch, unread);
        List<ComplianceRepository.Rating> ratings = unitFigures.ratings();
        Map<UnitFiguresRepository.Key, UnitFigures> before = unitFigures.contributionsOf(nips, ratings);
        Map<String, List<UnitAssignment>> unitHistories = histories.of(nips);
        Map<String, Map<Integer, YearSums>> sums = facts.yearSums(nips);
        Map<String, List<CompletionFactRepository.Ending>> endings = facts.activeEndings(nips);
        Map<String, List<EmployeeYear>> rows = employeeYears.ofEmployees(nips);
        int currentYear = TrainingCalendar.today(clock).getYear();
        for (String nip : nips) {
            refreshYears(nip, batch.employees.get(nip), unitHistories.getOrDefault(nip, List.of()),
                    sums.getOrDefault(nip, Map.of()), endings.getOrDefault(nip, List.of()),
                    rows.getOrDefault(nip, List.of()), currentYear);
        }
        employees.flush();
        unitFigures.move(before, unitFigures.contributionsOf(nips, ratings));
    }

    /** Reads the given employees into the batch, marking the ones not stored. */
    private void load(ProjectionBatch batch, Set<String> nips) {
        nips.forEach(nip -> batch.employees.put(nip, null));
        employees.byNip(nips).forEach(employee -> batch.employees.put(employee.nip, employee));
    }

    private boolean applyUnit(UnitUpserted event, ProjectionBatch batch) {
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
        unit.dissolvedOn = event.dissolvedOn();
        unit.successorCode = event.dissolvedOn() == null ? null : event.successorCode();
        unit.instansiId = event.instansiId();
        units.persist(unit);
        // An event written before units had histories states one period, in force since the beginning of time.
        batch.unitPeriods.put(event.code(), event.history() == null || event.history().isEmpty()
                ? List.of(new UnitPeriod(null, event.name(), event.parentCode())) : event.history());
        return true;
    }

    private boolean applyEmployee(EmployeeUpserted event, ProjectionBatch batch) {
        Employee employee = batch.employees.get(event.nip());
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
        records.store(employee, event.positionHistory(), event.exemptions());
        employee.leavingReason = event.leavingReason();
        employee.pnsOrangId = event.pnsOrangId();
        employees.persist(employee);
        batch.employees.put(employee.nip, employee);
        batch.written.add(employee.nip);
        batch.histories.put(event.nip(), event.unitHistory() == null ? List.of() : event.unitHistory());
        batch.touched.add(event.nip());
        return true;
    }

    /**
     * Recorded, amended, reviewed and voided events alike carry the completion's full state: the newest version
     * replaces the fact, whatever its type. A void of a completion not yet seen is stored too, so that older versions
     * stay ignored.
     */
    private boolean applyCompletion(CompletionRecorded event, ProjectionBatch batch) {
        CompletionFact fact = batch.facts.get(event.completionId());
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
        fact.jp = event.jp();
        fact.days = event.days();
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
        fact.verification = event.verificationState();
        fact.flags = event.flags() == null || event.flags().isEmpty() ? null
                : event.flags().stream().map(Enum::name).toList();
        fact.duplicateOf = event.duplicateOf();
        facts.persist(fact);
        batch.facts.put(fact.completionId, fact);
        // Recomputed from the active facts, so a void drops the completion from its year, an amendment moves it.
        batch.touched.add(fact.nip);
        if (previousNip != null) {
            batch.touched.add(previousNip);
        }
        return true;
    }

    /**
     * Recomputes the employee's rows of {@code employee_year} from the employee, its unit history and its active
     * completion facts as flushed: one row for each year from the first reported year through the current one with a
     * day in service, and for each year with active completions. Rows of other years go. Each row keeps the JP of the
     * contract year ending in it, which may count completions of the year before.
     */
    private void refreshYears(String nip, Employee employee, List<UnitAssignment> history, Map<Integer, YearSums> sums,
            List<CompletionFactRepository.Ending> endings, List<EmployeeYear> stored, int currentYear) {
        Set<Integer> years = new TreeSet<>(sums.keySet());
        if (employee != null) {
            EmploymentYears.yearsEmployed(employee.employedFrom, employee.employedUntil, config.firstYear(), currentYear)
                    .forEach(years::add);
        }
        Map<Integer, EmployeeYear> stale = new HashMap<>();
        stored.forEach(row -> stale.put(row.year, row));
        List<PositionAssignment> positions = employee == null ? List.of() : records.positions(employee);
        List<ExemptionPeriod> exemptions = employee == null ? List.of() : records.exemptions(employee);
        for (int year : years) {
            EmployeeYear row = stale.remove(year);
            if (row == null) {
                row = new EmployeeYear();
                row.nip = nip;
                row.year = year;
            }
            fill(row, employee, history, sums.getOrDefault(year, YearSums.none(year)));
            fillPeople(row, employee, positions, exemptions);
            ContractYear contract = employee == null || employee.employedFrom == null ? null
                    : ContractYear.endingIn(employee.employedFrom, year);
            row.contractYearJp = contract == null ? null : CompletionFactRepository.jpWithin(endings, contract, null);
            row.contractYearVerifiedJp = contract == null ? null
                    : CompletionFactRepository.jpWithin(endings, contract, VerificationState.VERIFIED);
            row.contractYearTrustedJp = contract == null ? null
                    : CompletionFactRepository.jpWithin(endings, contract, VerificationState.AUTO_VERIFIED);
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
        row.verifiedJp = sums.verifiedJp();
        row.trustedJp = sums.trustedJp();
        row.flaggedJp = sums.flaggedJp();
        row.completionCount = sums.completionCount();
        row.lastCompletionDate = sums.lastCompletionDate();
    }

    /**
     * The year's employment type and position level (those in force on the last day in service in it, like the unit),
     * its exempt stretches, and the leaving reason on the year the employee left in (LAINNYA when the event gave none).
     */
    private static void fillPeople(EmployeeYear row, Employee employee, List<PositionAssignment> positions,
            List<ExemptionPeriod> exemptions) {
        List<EmploymentYears.Window> exempt = List.of();
        row.leavingReason = null;
        if (employee != null) {
            LocalDate lastDay = row.windowUntil == null ? LocalDate.of(row.year, 12, 31) : row.windowUntil;
            PositionAssignment position = EmploymentYears.positionOn(lastDay, positions, employee.employmentType,
                    employee.positionLevel);
            row.employmentType = position.employmentType();
            row.positionLevel = position.positionLevel();
            if (row.windowFrom != null) {
                exempt = EmploymentYears.exemptIn(new EmploymentYears.Window(row.windowFrom, row.windowUntil),
                        exemptions);
                if (employee.employedUntil != null && employee.employedUntil.getYear() == row.year) {
                    row.leavingReason = employee.leavingReason == null ? LeavingReason.LAINNYA : employee.leavingReason;
                }
            }
        }
        row.exemptDays = EmploymentYears.days(exempt);
        row.exemptFrom = exempt.isEmpty() ? null : exempt.stream().map(EmploymentYears.Window::from)
                .toArray(LocalDate[]::new);
        row.exemptUntil = exempt.isEmpty() ? null : exempt.stream().map(EmploymentYears.Window::until)
                .toArray(LocalDate[]::new);
    }
}
