package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.ExemptionRepository;
import org.jpledger.training.domain.Nip;
import org.jpledger.training.domain.UnitAssignmentEntry;
import org.jpledger.training.domain.UnitAssignmentRepository;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.outbox.OutboxWriter;

/**
 * Registers and changes employees; each change is a new version and publishes the full new state. A change of unit is an
 * effective-dated transfer, kept in the employee's unit history. A caller sees and changes only employees in its units,
 * and moves them only into its units.
 */
@ApplicationScoped
public class EmployeeService {

    // One answer for "no such employee" and "not yours": the second must not reveal that the NIP exists.
    static final String NOT_FOUND = "No employee with this NIP in the units your token names.";

    private final EmployeeRepository employees;
    private final UnitRepository units;
    private final UnitAssignmentRepository assignments;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final UnitAccess access;
    private final ExemptionRepository exemptions;

    public EmployeeService(EmployeeRepository employees, UnitRepository units, UnitAssignmentRepository assignments,
            OutboxWriter outbox, Clock clock, UnitAccess access, ExemptionRepository exemptions) {
        this.employees = employees;
        this.units = units;
        this.assignments = assignments;
        this.outbox = outbox;
        this.clock = clock;
        this.access = access;
        this.exemptions = exemptions;
    }

    @Transactional
    public Upserted<EmployeeView> upsert(String nip, EmployeeState request) {
        UnitScope scope = access.scope();
        // What the request itself breaks is answered before anything stored is looked at, and a unit named outside the
        // caller's units is refused whether it exists or not: neither answer may tell whether the NIP is registered
        // elsewhere.
        validate(nip, request, scope);
        if (!access.covers(scope, request.unitCode())) {
            throw new OutOfScopeException("unitCode names a unit outside the units your token names.");
        }
        Employee employee = employees.findForUpdate(nip).orElse(null);
        // Both ends of a transfer must be the caller's: the unit the employee is in and the unit named.
        if (employee != null && !access.covers(scope, employee.unitCode)) {
            throw new OutOfScopeException("The employee is outside the units your token names.");
        }
        boolean created = employee == null;
        List<UnitAssignmentEntry> history = created ? List.of() : assignments.historyOf(nip);
        if (!created && sameState(employee, request)) {
            return new Upserted<>(false, EmployeeView.of(employee, asEvents(history)));
        }
        if (created) {
            employee = new Employee();
            employee.nip = nip;
        } else {
            changeHistory(employee, request, history);
        }
        employee.name = request.name();
        employee.employmentType = request.employmentType();
        employee.positionLevel = request.positionLevel();
        employee.unitCode = request.unitCode();
        employee.employedFrom = request.employedFrom();
        employee.employedUntil = request.employedUntil();
        employee.version++;
        employee.updatedAt = clock.instant();
        employees.persist(employee);
        if (created) {
            // after the employee, whose row the assignment refers to
            assign(nip, request.unitCode(), request.employedFrom());
        }
        assignments.flush();
        return new Upserted<>(created, EmployeeView.of(employee, appendEvent(employee)));
    }

    @Transactional
    public EmployeeView get(String nip) {
        UnitScope scope = access.scope();
        Employee employee = employees.findByIdOptional(nip)
                .filter(e -> access.covers(scope, e.unitCode))
                .orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        return EmployeeView.of(employee, asEvents(assignments.historyOf(nip)));
    }

    /** The current unit of each of these NIPs that names an employee, by NIP, in one query. */
    @Transactional
    public Map<String, String> unitsOf(Collection<String> nips) {
        return nips.isEmpty() ? Map.of() : employees.unitsOf(nips);
    }

    /** Publishes the employee's full current state with its unit history, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<UnitAssignment> appendEvent(Employee employee) {
        List<UnitAssignment> history = asEvents(assignments.historyOf(employee.nip));
        List<ExemptionPeriod> exempt = exemptions.activeOf(employee.nip).stream().map(ExemptionView::period).toList();
        outbox.append(Topics.EMPLOYEES, employee.nip, EventTypes.EMPLOYEE_UPSERTED_V1, new EmployeeUpserted(employee.nip,
                employee.name, employee.employmentType, employee.positionLevel, employee.unitCode, employee.employedFrom,
                employee.employedUntil, employee.version, history, null, exempt, null));
        return history;
    }

    /** Records a transfer, or keeps the first assignment in step with a corrected employedFrom. */
    private void changeHistory(Employee employee, EmployeeState request, List<UnitAssignmentEntry> history) {
        UnitAssignmentEntry first = history.get(0);
        UnitAssignmentEntry latest = history.get(history.size() - 1);
        if (!request.employedFrom().equals(employee.employedFrom)) {
            if (history.size() > 1 && request.employedFrom().isAfter(history.get(1).effectiveFrom)) {
                throw InvalidRequestException.of("employedFrom", "must not be after the employee's first transfer ("
                        + history.get(1).effectiveFrom + ")");
            }
            assignments.delete(first);
            assignments.flush();
            assign(employee.nip, first.unitCode, request.employedFrom());
            if (history.size() == 1) {
                latest = null;
            }
        }
        if (request.unitCode().equals(employee.unitCode)) {
            return;
        }
        LocalDate effective = request.effectiveDate() != null ? request.effectiveDate() : TrainingCalendar.today(clock);
        FieldErrors errors = new FieldErrors();
        if (effective.isAfter(TrainingCalendar.today(clock))) {
            errors.add("effectiveDate", "must not be in the future; record a transfer when it takes effect");
        }
        if (effective.isBefore(request.employedFrom())) {
            errors.add("effectiveDate", "must not be before employedFrom");
        }
        if (latest != null && effective.isBefore(latest.effectiveFrom)) {
            errors.add("effectiveDate", "must not be before the latest transfer (" + latest.effectiveFrom
                    + "); history is not rewritten");
        }
        errors.throwIfAny();
        UnitAssignmentEntry sameDay = assignments.findById(new UnitAssignmentEntry.Key(employee.nip, effective));
        if (sameDay != null) {
            // A second transfer on the same day corrects the first.
            sameDay.unitCode = request.unitCode();
            sameDay.recordedAt = clock.instant();
        } else {
            assign(employee.nip, request.unitCode(), effective);
        }
    }

    private void assign(String nip, String unitCode, LocalDate from) {
        UnitAssignmentEntry entry = new UnitAssignmentEntry();
        entry.nip = nip;
        entry.unitCode = unitCode;
        entry.effectiveFrom = from;
        entry.recordedAt = clock.instant();
        assignments.persist(entry);
    }

    private static List<UnitAssignment> asEvents(List<UnitAssignmentEntry> history) {
        return history.stream().map(a -> new UnitAssignment(a.unitCode, a.effectiveFrom)).toList();
    }

    /**
     * The rules a request breaks by itself, without looking at what is stored; and, for a caller of the whole tree
     * only, a unit that does not exist (a caller of some units is refused any unit outside them, known or not).
     */
    private void validate(String nip, EmployeeState request, UnitScope scope) {
        FieldErrors errors = new FieldErrors();
        Nip.problem(nip, request.employmentType()).ifPresent(reason -> errors.add("nip", reason));
        RecordDates.check(errors, "employedFrom", request.employedFrom());
        RecordDates.check(errors, "employedUntil", request.employedUntil());
        RecordDates.check(errors, "effectiveDate", request.effectiveDate());
        if (request.employedUntil() != null && request.employedUntil().isBefore(request.employedFrom())) {
            errors.add("employedUntil", "must not be before employedFrom");
        }
        if (scope.isAll() && units.findByIdOptional(request.unitCode()).isEmpty()) {
            errors.add("unitCode", "no unit with code " + request.unitCode());
        }
        errors.throwIfAny();
    }

    private static boolean sameState(Employee e, EmployeeState r) {
        return e.name.equals(r.name()) && e.employmentType == r.employmentType() && e.positionLevel == r.positionLevel()
                && e.unitCode.equals(r.unitCode()) && e.employedFrom.equals(r.employedFrom())
                && Objects.equals(e.employedUntil, r.employedUntil());
    }
}
