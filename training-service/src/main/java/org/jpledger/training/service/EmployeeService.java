package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.Topics;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.Nip;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.outbox.OutboxWriter;
import org.jpledger.training.rest.EmployeeRequest;
import org.jpledger.training.rest.EmployeeResponse;

/** Registers and changes employees; each change is a new version and publishes the full new state. */
@ApplicationScoped
public class EmployeeService {

    private final EmployeeRepository employees;
    private final UnitRepository units;
    private final OutboxWriter outbox;
    private final Clock clock;

    public EmployeeService(EmployeeRepository employees, UnitRepository units, OutboxWriter outbox, Clock clock) {
        this.employees = employees;
        this.units = units;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Upserted<EmployeeResponse> upsert(String nip, EmployeeRequest request) {
        validate(nip, request);
        Employee employee = employees.findForUpdate(nip).orElse(null);
        boolean created = employee == null;
        if (!created && sameState(employee, request)) {
            return new Upserted<>(false, EmployeeResponse.from(employee));
        }
        if (created) {
            employee = new Employee();
            employee.nip = nip;
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
        appendEvent(employee);
        return new Upserted<>(created, EmployeeResponse.from(employee));
    }

    /** Publishes the employee's full current state, in the caller's transaction (a change, or a republish). */
    @Transactional(Transactional.TxType.MANDATORY)
    void appendEvent(Employee employee) {
        outbox.append(Topics.EMPLOYEES, employee.nip, EventTypes.EMPLOYEE_UPSERTED_V1, new EmployeeUpserted(employee.nip,
                employee.name, employee.employmentType, employee.positionLevel, employee.unitCode, employee.employedFrom,
                employee.employedUntil, employee.version,
                List.of(new UnitAssignment(employee.unitCode, employee.employedFrom))));
    }

    @Transactional
    public EmployeeResponse get(String nip) {
        return employees.findByIdOptional(nip).map(EmployeeResponse::from)
                .orElseThrow(() -> new ResourceNotFoundException("no employee with NIP " + nip));
    }

    private void validate(String nip, EmployeeRequest request) {
        FieldErrors errors = new FieldErrors();
        Nip.problem(nip, request.employmentType()).ifPresent(reason -> errors.add("nip", reason));
        if (request.employedUntil() != null && request.employedUntil().isBefore(request.employedFrom())) {
            errors.add("employedUntil", "must not be before employedFrom");
        }
        if (units.findByIdOptional(request.unitCode()).isEmpty()) {
            errors.add("unitCode", "no unit with code " + request.unitCode());
        }
        errors.throwIfAny();
    }

    private static boolean sameState(Employee e, EmployeeRequest r) {
        return e.name.equals(r.name()) && e.employmentType == r.employmentType() && e.positionLevel == r.positionLevel()
                && e.unitCode.equals(r.unitCode()) && e.employedFrom.equals(r.employedFrom())
                && Objects.equals(e.employedUntil, r.employedUntil());
    }
}
