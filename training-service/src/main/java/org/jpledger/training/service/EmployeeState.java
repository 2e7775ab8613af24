package org.jpledger.training.service;

import java.time.LocalDate;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;

/**
 * The command to set an employee's state.
 *
 * @param effectiveDate when a change of unit took effect; null for today
 */
public record EmployeeState(String name, EmploymentType employmentType, PositionLevel positionLevel, String unitCode,
        LocalDate employedFrom, LocalDate employedUntil, LocalDate effectiveDate) {
}
