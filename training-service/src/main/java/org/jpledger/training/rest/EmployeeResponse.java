package org.jpledger.training.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.training.domain.Employee;

/** An employee as the API shows it: the current state and the unit history. */
@Schema(name = "EmployeeResponse", description = "An employee's current state and effective-dated unit history.")
public record EmployeeResponse(
        String nip,
        String name,
        EmploymentType employmentType,
        PositionLevel positionLevel,
        @Schema(description = "The current unit") String unitCode,
        LocalDate employedFrom,
        LocalDate employedUntil,
        long version,
        Instant updatedAt,
        @Schema(description = "Every unit the employee has belonged to, oldest first, with the date each took effect")
        List<UnitAssignment> unitHistory) {

    public static EmployeeResponse from(Employee e, List<UnitAssignment> history) {
        return new EmployeeResponse(e.nip, e.name, e.employmentType, e.positionLevel, e.unitCode, e.employedFrom,
                e.employedUntil, e.version, e.updatedAt, history);
    }
}
