package org.jpledger.training.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.training.domain.Employee;

/** An employee's current state with every unit and every position it has had, oldest first. */
public record EmployeeView(String nip, String name, EmploymentType employmentType, PositionLevel positionLevel,
        String unitCode, LocalDate employedFrom, LocalDate employedUntil, LeavingReason leavingReason, long version,
        Instant updatedAt, List<UnitAssignment> unitHistory, List<PositionAssignment> positionHistory,
        String pnsOrangId) {

    public static EmployeeView of(Employee e, List<UnitAssignment> unitHistory,
            List<PositionAssignment> positionHistory) {
        return new EmployeeView(e.nip, e.name, e.employmentType, e.positionLevel, e.unitCode, e.employedFrom,
                e.employedUntil, e.leavingReason, e.version, e.updatedAt, unitHistory, positionHistory, e.pnsOrangId);
    }
}
