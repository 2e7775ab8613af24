package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;

/**
 * Payload of {@link EventTypes#EMPLOYEE_UPSERTED_V1}: the full state of an employee after a change.
 *
 * @param unitCode      the current unit, the last entry of {@code unitHistory}
 * @param employedUntil null while still in service
 * @param version       starts at 1 and grows by one per change
 * @param unitHistory   every unit the employee has belonged to, oldest first, with the date each assignment took effect;
 *                      absent in events written before transfers were effective-dated
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EmployeeUpserted(
        String nip,
        String name,
        EmploymentType employmentType,
        PositionLevel positionLevel,
        String unitCode,
        LocalDate employedFrom,
        LocalDate employedUntil,
        long version,
        List<UnitAssignment> unitHistory) {
}
