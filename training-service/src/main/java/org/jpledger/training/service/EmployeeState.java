package org.jpledger.training.service;

import java.time.LocalDate;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;

/**
 * The command to set an employee's state.
 *
 * @param effectiveDate when a change of unit, employment type or position level took effect; null for today
 * @param leavingReason why the employee left; only with {@code employedUntil}, which without it means
 *                      {@link LeavingReason#LAINNYA}
 * @param pnsOrangId    SIASN's id of the person; null when not known (a change to null clears it)
 */
public record EmployeeState(String name, EmploymentType employmentType, PositionLevel positionLevel, String unitCode,
        LocalDate employedFrom, LocalDate employedUntil, LocalDate effectiveDate, LeavingReason leavingReason, String pnsOrangId) {

    /** A state without the SIASN person id. */
    public EmployeeState(String name, EmploymentType employmentType, PositionLevel positionLevel, String unitCode,
            LocalDate employedFrom, LocalDate employedUntil, LocalDate effectiveDate, LeavingReason leavingReason) {
        this(name, employmentType, positionLevel, unitCode, employedFrom, employedUntil, effectiveDate, leavingReason,
                null);
    }
}
