package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.Exemption;
import org.jpledger.training.domain.ExemptionRepository;

/**
 * Records, lists and deletes employees' exemption periods. Each record or deletion is a new version of the employee and
 * publishes its full state with the exemptions in force; a deletion keeps the row as history. Active periods of one
 * employee never overlap. A caller sees and changes only exemptions of employees in its units: any other employee is
 * answered exactly as an unknown one (404).
 */
@ApplicationScoped
public class ExemptionService {

    /**
     * At most this many exemptions per employee, deleted ones included (they stay as history): the list and the event
     * stay bounded. A career holds a handful; a hundred leaves room for corrections.
     */
    public static final int MAX_PER_EMPLOYEE = 100;

    private final EmployeeRepository employees;
    private final ExemptionRepository exemptions;
    private final EmployeeService employeeService;
    private final UnitAccess access;
    private final Caller caller;
    private final Clock clock;

    public ExemptionService(EmployeeRepository employees, ExemptionRepository exemptions,
            EmployeeService employeeService, UnitAccess access, Caller caller, Clock clock) {
        this.employees = employees;
        this.exemptions = exemptions;
        this.employeeService = employeeService;
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public ExemptionView record(String nip, NewExemption command) {
        // What the request itself breaks is answered before anything stored is looked at.
        FieldErrors errors = new FieldErrors();
        RecordDates.check(errors, "from", command.from());
        RecordDates.check(errors, "until", command.until());
        if (command.until() != null && command.until().isBefore(command.from())) {
            errors.add("until", "must not be before from");
        }
        errors.throwIfAny();
        // The employee's lock orders this write with every other change of the employee, so two overlapping periods
        // recorded at once cannot both pass the overlap check.
        Employee employee = inScope(nip, true);
        if (command.from().isBefore(employee.employedFrom)) {
            errors.add("from", "must not be before the employee's employedFrom (" + employee.employedFrom + ")");
        }
        if (employee.employedUntil != null && command.from().isAfter(employee.employedUntil)) {
            errors.add("from", "must not be after the employee's employedUntil (" + employee.employedUntil + ")");
        }
        errors.throwIfAny();
        if (exemptions.countOf(nip) >= MAX_PER_EMPLOYEE) {
            throw new ConflictException("The employee already has " + MAX_PER_EMPLOYEE + " exemptions, deleted ones "
                    + "included (they stay as history); no more can be recorded.");
        }
        for (Exemption other : exemptions.activeOf(nip)) {
            if (other.overlaps(command.from(), command.until())) {
                throw new ConflictException("The period overlaps exemption " + other.id + " (" + other.fromDate
                        + " to " + (other.untilDate == null ? "open-ended" : other.untilDate.toString())
                        + "); change the dates or delete that exemption first.");
            }
        }
        Exemption exemption = new Exemption();
        exemption.id = UUID.randomUUID();
        exemption.nip = nip;
        exemption.kind = command.kind();
        exemption.fromDate = command.from();
        exemption.untilDate = command.until();
        exemption.reference = command.reference();
        exemption.recordedAt = clock.instant();
        exemption.recordedBy = caller.subject();
        exemptions.persist(exemption);
        publish(employee);
        return ExemptionView.of(exemption);
    }

    /** The employee's exemptions, oldest first: those in force, or with {@code includeDeleted} every one recorded. */
    @Transactional
    public List<ExemptionView> list(String nip, boolean includeDeleted) {
        inScope(nip, false);
        return (includeDeleted ? exemptions.allOf(nip) : exemptions.activeOf(nip)).stream()
                .map(ExemptionView::of).toList();
    }

    /** One exemption of the employee, deleted or not. */
    @Transactional
    public ExemptionView get(String nip, UUID id) {
        inScope(nip, false);
        return exemptions.findByIdOptional(id).filter(e -> e.nip.equals(nip)).map(ExemptionView::of)
                .orElseThrow(() -> new ResourceNotFoundException("No exemption with this id for this employee."));
    }

    /** Deletes an exemption in force; the row stays, marked with who deleted it when. */
    @Transactional
    public void delete(String nip, UUID id) {
        Employee employee = inScope(nip, true);
        Exemption exemption = exemptions.findByIdOptional(id)
                .filter(e -> e.nip.equals(nip) && e.active())
                .orElseThrow(() -> new ResourceNotFoundException("No exemption in force with this id for this "
                        + "employee."));
        exemption.deletedAt = clock.instant();
        exemption.deletedBy = caller.subject();
        publish(employee);
    }

    private Employee inScope(String nip, boolean forUpdate) {
        UnitScope scope = access.scope();
        return (forUpdate ? employees.findForUpdate(nip) : employees.findByIdOptional(nip))
                .filter(e -> access.covers(scope, e.unitCode))
                .orElseThrow(() -> new ResourceNotFoundException(EmployeeService.NOT_FOUND));
    }

    /** A new version of the employee, published with the exemptions now in force. */
    private void publish(Employee employee) {
        employee.version++;
        employee.updatedAt = clock.instant();
        exemptions.flush();
        employeeService.appendEvent(employee);
    }
}
