package org.jpledger.training.rest;

import java.time.Instant;
import java.time.LocalDate;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.training.domain.Employee;

/** An employee as the API shows it. */
public record EmployeeResponse(
        String nip,
        String name,
        EmploymentType employmentType,
        PositionLevel positionLevel,
        String unitCode,
        LocalDate employedFrom,
        LocalDate employedUntil,
        long version,
        Instant updatedAt) {

    public static EmployeeResponse from(Employee e) {
        return new EmployeeResponse(e.nip, e.name, e.employmentType, e.positionLevel, e.unitCode, e.employedFrom,
                e.employedUntil, e.version, e.updatedAt);
    }
}
