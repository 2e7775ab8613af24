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
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
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
import org.jpledger.training.domain.PositionAssignmentEntry;
import org.jpledger.training.domain.PositionAssignmentRepository;
import org.jpledger.training.domain.UnitAssignmentEntry;
import org.jpledger.training.domain.UnitAssignmentRepository;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.outbox.OutboxWriter;

/**
 * Registers and changes employees; each change is a new version and publishes the full new state. A change of unit is an
 * effective-dated transfer, kept in the employee's unit history; a change of employment type or position level is kept
 * the same way in the position history. A caller sees and changes only employees in its units, and moves them only into
 * its units.
 */
@ApplicationScoped
public class EmployeeService {

    // One answer for "no such employee" and "not yours": the second must not reveal that the NIP exists.
    static final String NOT_FOUND = "No employee with this NIP in the units your token names.";

    private final EmployeeRepository employees;
    private final UnitRepository units;
    private final UnitAssignmentRepository assignments;
    private final PositionAssignmentRepository positions;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final UnitAccess access;
    private final ExemptionRepository exemptions;

    public EmployeeService(EmployeeRepository employees, UnitRepository units, UnitAssignmentRepository assignments,
            PositionAssignmentRepository positions, OutboxWriter outbox, Clock clock, UnitAccess access,
            ExemptionRepository exemptions) {
        this.employees = employees;
        this.units = units;
        this.assignments = assignments;
        this.positions = positions;
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
        if (created) {
            refuseDissolved(request.unitCode(), request.employedFrom());
        }
        LeavingReason leavingReason = leavingReasonOf(request);
        if (!created && sameState(employee, request, leavingReason)) {
            return new Upserted<>(false, view(employee));
        }
        if (created) {
            employee = new Employee();
            employee.nip = nip;
        } else {
            changeHistory(employee, request);
        }
        employee.name = request.name();
        employee.employmentType = request.employmentType();
        employee.positionLevel = request.positionLevel();
        employee.unitCode = request.unitCode();
        employee.employedFrom = request.employedFrom();
        employee.employedUntil = request.employedUntil();
        employee.leavingReason = leavingReason;
        employee.pnsOrangId = request.pnsOrangId();
        employee.version++;
        employee.updatedAt = clock.instant();
        employees.persist(employee);
        if (created) {
            // after the employee, whose row the assignments refer to
            assign(nip, request.unitCode(), request.employedFrom());
            appoint(nip, request, request.employedFrom());
        }
        assignments.flush();
        EmployeeUpserted event = appendEvent(employee);
        return new Upserted<>(created, EmployeeView.of(employee, event.unitHistory(), event.positionHistory()));
    }

    @Transactional
    public EmployeeView get(String nip) {
        UnitScope scope = access.scope();
        Employee employee = employees.findByIdOptional(nip)
                .filter(e -> access.covers(scope, e.unitCode))
                .orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        return view(employee);
    }

    /** The current unit of each of these NIPs that names an employee, by NIP, in one query. */
    @Transactional
    public Map<String, String> unitsOf(Collection<String> nips) {
        return nips.isEmpty() ? Map.of() : employees.unitsOf(nips);
    }

    /**
     * Publishes the employee's full current state with its histories and the exemptions in force, in the caller's
     * transaction; returns it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    EmployeeUpserted appendEvent(Employee employee) {
        EmployeeUpserted event = new EmployeeUpserted(employee.nip, employee.name, employee.employmentType,
                employee.positionLevel, employee.unitCode, employee.employedFrom, employee.employedUntil,
                employee.version, unitHistory(employee.nip), positionHistory(employee.nip),
                exemptions.activeOf(employee.nip).stream().map(ExemptionView::period).toList(),
                employee.leavingReason, employee.pnsOrangId);
        outbox.append(Topics.EMPLOYEES, employee.nip, EventTypes.EMPLOYEE_UPSERTED_V1, event);
        return event;
    }

    /** The employee as stored, with both histories. */
    @Transactional(Transactional.TxType.MANDATORY)
    EmployeeView view(Employee employee) {
        return EmployeeView.of(employee, unitHistory(employee.nip), positionHistory(employee.nip));
    }

    /**
     * Records a transfer and a change of position (each into its own history, from the same effective date), or keeps
     * the first entries of both histories in step with a corrected employedFrom.
     */
    private void changeHistory(Employee employee, EmployeeState request) {
        List<UnitAssignmentEntry> unitHistory = assignments.historyOf(employee.nip);
        List<PositionAssignmentEntry> positionHistory = positions.historyOf(employee.nip);
        if (!request.employedFrom().equals(employee.employedFrom)) {
            FieldErrors errors = new FieldErrors();
            if (unitHistory.size() > 1 && request.employedFrom().isAfter(unitHistory.get(1).effectiveFrom)) {
                errors.add("employedFrom", "must not be after the employee's first transfer ("
                        + unitHistory.get(1).effectiveFrom + ")");
            }
            if (positionHistory.size() > 1 && request.employedFrom().isAfter(positionHistory.get(1).effectiveFrom)) {
                errors.add("employedFrom", "must not be after the employee's first change of position ("
                        + positionHistory.get(1).effectiveFrom + ")");
            }
            errors.throwIfAny();
            UnitAssignmentEntry firstUnit = unitHistory.get(0);
            PositionAssignmentEntry firstPosition = positionHistory.get(0);
            assignments.delete(firstUnit);
            positions.delete(firstPosition);
            assignments.flush();
            assign(employee.nip, firstUnit.unitCode, request.employedFrom());
            appoint(employee.nip, firstPosition, request.employedFrom());
        }
        boolean transfer = !request.unitCode().equals(employee.unitCode);
        boolean newPosition = request.employmentType() != employee.employmentType
                || request.positionLevel() != employee.positionLevel;
        if (!transfer && !newPosition) {
            return;
        }
        LocalDate effective = request.effectiveDate() != null ? request.effectiveDate() : TrainingCalendar.today(clock);
        FieldErrors errors = new FieldErrors();
        if (effective.isAfter(TrainingCalendar.today(clock))) {
            errors.add("effectiveDate", "must not be in the future; record a change when it takes effect");
        }
        if (effective.isBefore(request.employedFrom())) {
            errors.add("effectiveDate", "must not be before employedFrom");
        }
        // A single entry is on employedFrom, which the rule above already holds the date to.
        if (transfer && unitHistory.size() > 1 && effective.isBefore(last(unitHistory).effectiveFrom)) {
            errors.add("effectiveDate", "must not be before the latest transfer (" + last(unitHistory).effectiveFrom
                    + "); history is not rewritten (an admin corrects it)");
        }
        if (newPosition && positionHistory.size() > 1 && effective.isBefore(last(positionHistory).effectiveFrom)) {
            errors.add("effectiveDate", "must not be before the latest change of position ("
                    + last(positionHistory).effectiveFrom + "); history is not rewritten (an admin corrects it)");
        }
        errors.throwIfAny();
        if (transfer) {
            refuseDissolved(request.unitCode(), effective);
        }
        // A second change on the same day corrects the first.
        if (transfer) {
            UnitAssignmentEntry sameDay = assignments.findById(new UnitAssignmentEntry.Key(employee.nip, effective));
            if (sameDay != null) {
                sameDay.unitCode = request.unitCode();
                sameDay.recordedAt = clock.instant();
            } else {
                assign(employee.nip, request.unitCode(), effective);
            }
        }
        if (newPosition) {
            PositionAssignmentEntry sameDay = positions.findById(new PositionAssignmentEntry.Key(employee.nip,
                    effective));
            if (sameDay != null) {
                sameDay.employmentType = request.employmentType();
                sameDay.positionLevel = request.positionLevel();
                sameDay.recordedAt = clock.instant();
            } else {
                appoint(employee.nip, request, effective);
            }
        }
    }

    /** Refuses (400 on unitCode) a move into a unit dated on or after the unit's dissolution. */
    private void refuseDissolved(String unitCode, LocalDate from) {
        FieldErrors errors = new FieldErrors();
        checkNotDissolved(errors, "unitCode", unitCode, from);
        errors.throwIfAny();
    }

    /** Names {@code field} when the unit no longer exists on {@code from}: dissolved, and by whom succeeded. */
    void checkNotDissolved(FieldErrors errors, String field, String unitCode, LocalDate from) {
        units.findByIdOptional(unitCode).filter(unit -> unit.dissolvedBy(from)).ifPresent(unit -> errors.add(field,
                unitCode + " is dissolved from " + unit.dissolvedOn + (unit.successorCode == null ? ""
                        : "; its successor is " + unit.successorCode)));
    }

    void assign(String nip, String unitCode, LocalDate from) {
        UnitAssignmentEntry entry = new UnitAssignmentEntry();
        entry.nip = nip;
        entry.unitCode = unitCode;
        entry.effectiveFrom = from;
        entry.recordedAt = clock.instant();
        assignments.persist(entry);
    }

    private void appoint(String nip, EmployeeState position, LocalDate from) {
        appoint(nip, position.employmentType(), position.positionLevel(), from);
    }

    private void appoint(String nip, PositionAssignmentEntry position, LocalDate from) {
        appoint(nip, position.employmentType, position.positionLevel, from);
    }

    void appoint(String nip, EmploymentType type, PositionLevel level, LocalDate from) {
        PositionAssignmentEntry entry = new PositionAssignmentEntry();
        entry.nip = nip;
        entry.employmentType = type;
        entry.positionLevel = level;
        entry.effectiveFrom = from;
        entry.recordedAt = clock.instant();
        positions.persist(entry);
    }

    private List<UnitAssignment> unitHistory(String nip) {
        return assignments.historyOf(nip).stream().map(a -> new UnitAssignment(a.unitCode, a.effectiveFrom)).toList();
    }

    private List<PositionAssignment> positionHistory(String nip) {
        return positions.historyOf(nip).stream()
                .map(p -> new PositionAssignment(p.employmentType, p.positionLevel, p.effectiveFrom)).toList();
    }

    private static <T> T last(List<T> history) {
        return history.get(history.size() - 1);
    }

    /** The reason stored with {@code employedUntil}: the one given, else LAINNYA; none while in service. */
    private static LeavingReason leavingReasonOf(EmployeeState request) {
        return request.employedUntil() == null ? null
                : Objects.requireNonNullElse(request.leavingReason(), LeavingReason.LAINNYA);
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
        if (request.leavingReason() != null && request.employedUntil() == null) {
            errors.add("leavingReason", "must not be given without employedUntil");
        }
        if (scope.isAll() && units.findByIdOptional(request.unitCode()).isEmpty()) {
            errors.add("unitCode", "no unit with code " + request.unitCode());
        }
        errors.throwIfAny();
    }

    private static boolean sameState(Employee e, EmployeeState r, LeavingReason leavingReason) {
        return e.name.equals(r.name()) && e.employmentType == r.employmentType() && e.positionLevel == r.positionLevel()
                && e.unitCode.equals(r.unitCode()) && e.employedFrom.equals(r.employedFrom())
                && Objects.equals(e.employedUntil, r.employedUntil()) && e.leavingReason == leavingReason
                && Objects.equals(e.pnsOrangId, r.pnsOrangId());
    }
}
