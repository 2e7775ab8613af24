package org.jpledger.training.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.training.service.EmployeeView;

/** An employee as the API shows it: the current state and the unit and position histories. */
@Schema(name = "EmployeeResponse", description = "An employee's current state and effective-dated unit and position "
        + "histories.")
public record EmployeeResponse(
        @Schema(description = "18-digit NIP") String nip,
        @Schema(description = "Full name") String name,
        @Schema(description = "PNS, PPPK or PPPK_PARUH_WAKTU, today") EmploymentType employmentType,
        @Schema(description = "Position level, today") PositionLevel positionLevel,
        @Schema(description = "The current unit") String unitCode,
        @Schema(description = "First day in service") LocalDate employedFrom,
        @Schema(description = "Last day in service; absent while in service") LocalDate employedUntil,
        @Schema(description = "Why the employee left service; absent while in service") LeavingReason leavingReason,
        @Schema(description = "Version; 1 when registered, one more per change") long version,
        @Schema(description = "When the current version was written") Instant updatedAt,
        @Schema(description = "Every unit the employee has belonged to, oldest first, with the date each took effect")
        List<UnitAssignment> unitHistory,
        @Schema(description = "Every employment type and position level the employee has had, oldest first, with the "
                + "date each took effect") List<PositionHistoryEntry> positionHistory,
        @Schema(description = "SIASN's own id of the person; absent when not known") String pnsOrangId) {

    public static EmployeeResponse from(EmployeeView e) {
        return new EmployeeResponse(e.nip(), e.name(), e.employmentType(), e.positionLevel(), e.unitCode(),
                e.employedFrom(), e.employedUntil(), e.leavingReason(), e.version(), e.updatedAt(), e.unitHistory(),
                e.positionHistory().stream().map(PositionHistoryEntry::from).toList(), e.pnsOrangId());
    }
}
