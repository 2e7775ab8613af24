package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.PositionAssignmentRepository;
import org.jpledger.training.domain.UnitAssignmentRepository;
import org.jpledger.training.domain.UnitRepository;

/**
 * An admin's correction of an employee's unit and position histories: both are replaced wholesale, the latest entries
 * become the current unit, type and level, and the result is a new version published like any change. The one way to
 * move a past effective date or to enter a late decision (SK) whose date is earlier than a change already recorded,
 * which ordinary changes refuse. An admin whose token names units is held to them: the employee and every unit named.
 */
@ApplicationScoped
public class EmployeeHistoryService {

    private final EmployeeRepository employees;
    private final UnitRepository units;
    private final UnitAssignmentRepository assignments;
    private final PositionAssignmentRepository positions;
    private final EmployeeService employeeService;
    private final Clock clock;
    private final Caller caller;
    private final UnitAccess access;

    public EmployeeHistoryService(EmployeeRepository employees, UnitRepository units,
            UnitAssignmentRepository assignments, PositionAssignmentRepository positions,
            EmployeeService employeeService, Clock clock, Caller caller, UnitAccess access) {
        this.employees = employees;
        this.units = units;
        this.assignments = assignments;
        this.positions = positions;
        this.employeeService = employeeService;
        this.clock = clock;
        this.caller = caller;
        this.access = access;
    }

    @Transactional
    public EmployeeView correct(String nip, HistoryCorrection correction) {
        // National, like every admin call, unless the token names units.
        UnitScope scope = caller.scope().isNone() ? UnitScope.ALL : caller.scope();
        List<LocalDate> unitDates = correction.unitHistory().stream().map(UnitAssignment::effectiveFrom).toList();
        List<LocalDate> positionDates =
                correction.positionHistory().stream().map(PositionAssignment::effectiveFrom).toList();
        // As for an ordinary change: what the request breaks by itself first, then units outside the caller's, then
        // whether the employee is the caller's; only then the rules that depend on the employee.
        FieldErrors errors = new FieldErrors();
        LocalDate today = TrainingCalendar.today(clock);
        RecordDates.checkHistory(errors, "unitHistory", unitDates, today);
        RecordDates.checkHistory(errors, "positionHistory", positionDates, today);
        for (int i = 0; i < correction.unitHistory().size(); i++) {
            String code = correction.unitHistory().get(i).unitCode();
            if (scope.isAll() && units.findByIdOptional(code).isEmpty()) {
                errors.add("unitHistory[" + i + "].unitCode", "no unit with code " + code);
            }
        }
        errors.throwIfAny();
        if (!correction.unitHistory().stream().allMatch(entry -> access.covers(scope, entry.unitCode()))) {
            throw new OutOfScopeException("unitHistory names a unit outside the units your token names.");
        }
        Employee employee = employees.findForUpdate(nip).filter(e -> access.covers(scope, e.unitCode))
                .orElseThrow(() -> new ResourceNotFoundException(EmployeeService.NOT_FOUND));
        for (int i = 0; i < correction.unitHistory().size(); i++) {
            UnitAssignment entry = correction.unitHistory().get(i);
            employeeService.checkNotDissolved(errors, "unitHistory[" + i + "].unitCode", entry.unitCode(),
                    entry.effectiveFrom());
        }
        checkSpan(errors, "unitHistory", unitDates, employee);
        checkSpan(errors, "positionHistory", positionDates, employee);
        errors.throwIfAny();

        List<UnitAssignment> unitHistory = correction.unitHistory().stream()
                .sorted(Comparator.comparing(UnitAssignment::effectiveFrom)).toList();
        List<PositionAssignment> positionHistory = correction.positionHistory().stream()
                .sorted(Comparator.comparing(PositionAssignment::effectiveFrom)).toList();
        EmployeeView stored = employeeService.view(employee);
        if (stored.unitHistory().equals(unitHistory) && stored.positionHistory().equals(positionHistory)) {
            return stored;
        }
        // Deleted and flushed before the new rows go in: both use the same keys (NIP and date) for unchanged entries.
        assignments.historyOf(nip).forEach(assignments::delete);
        positions.historyOf(nip).forEach(positions::delete);
        assignments.flush();
        unitHistory.forEach(u -> employeeService.assign(nip, u.unitCode(), u.effectiveFrom()));
        positionHistory.forEach(p -> employeeService.appoint(nip, p.employmentType(), p.positionLevel(),
                p.effectiveFrom()));
        UnitAssignment currentUnit = unitHistory.get(unitHistory.size() - 1);
        PositionAssignment currentPosition = positionHistory.get(positionHistory.size() - 1);
        employee.unitCode = currentUnit.unitCode();
        employee.employmentType = currentPosition.employmentType();
        employee.positionLevel = currentPosition.positionLevel();
        employee.version++;
        employee.updatedAt = clock.instant();
        assignments.flush();
        EmployeeUpserted event = employeeService.appendEvent(employee);
        return EmployeeView.of(employee, event.unitHistory(), event.positionHistory());
    }

    /** A history must start on the employee's first day in service and hold nothing after the last. */
    private static void checkSpan(FieldErrors errors, String history, List<LocalDate> dates, Employee employee) {
        LocalDate earliest = dates.stream().min(Comparator.naturalOrder()).orElseThrow();
        if (!earliest.equals(employee.employedFrom)) {
            errors.add(history, "the earliest entry must be on employedFrom (" + employee.employedFrom + "), not "
                    + earliest);
        }
        for (int i = 0; i < dates.size(); i++) {
            if (employee.employedUntil != null && dates.get(i).isAfter(employee.employedUntil)) {
                errors.add(history + "[" + i + "].effectiveFrom", "must not be after employedUntil ("
                        + employee.employedUntil + ")");
            }
        }
    }
}
