package org.jpledger.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.projection.Employee;
import org.jpledger.reporting.projection.EmployeeRepository;
import org.jpledger.reporting.projection.EmployeeYearTotal;
import org.jpledger.reporting.projection.EmployeeYearTotalRepository;
import org.jpledger.reporting.rest.EmployeeComplianceResponse;

/** Answers compliance questions from the projections. */
@ApplicationScoped
public class ComplianceQueryService {

    private final EmployeeRepository employees;
    private final EmployeeYearTotalRepository totals;
    private final Clock clock;

    public ComplianceQueryService(EmployeeRepository employees, EmployeeYearTotalRepository totals, Clock clock) {
        this.employees = employees;
        this.totals = totals;
        this.clock = clock;
    }

    /**
     * One employee's recognized JP in a training year; an employee without completions that year has a total of zero.
     *
     * @param year null for the current training year in Asia/Jakarta
     */
    @Transactional
    public EmployeeComplianceResponse employeeYear(String nip, Integer year) {
        int trainingYear = year != null ? year : TrainingCalendar.today(clock).getYear();
        Employee employee = employees.findByIdOptional(nip).orElseThrow(() -> new EmployeeNotFoundException(nip));
        EmployeeYearTotal total = totals.findById(new EmployeeYearTotal.Key(nip, trainingYear));
        return EmployeeComplianceResponse.from(employee, trainingYear, total);
    }
}
