package org.jpledger.training.rest;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;

/** One entry of an employee's position history, as the API shows it and as an admin's correction gives it. */
@Schema(name = "PositionHistoryEntry", description = "An employment type and position level, from a date on.")
public record PositionHistoryEntry(
        @Schema(description = "PNS, PPPK or PPPK_PARUH_WAKTU") @NotNull EmploymentType employmentType,
        @Schema(description = "Position level") @NotNull PositionLevel positionLevel,
        @Schema(description = "First day with this type and level") @NotNull LocalDate effectiveFrom) {

    static PositionHistoryEntry from(PositionAssignment p) {
        return new PositionHistoryEntry(p.employmentType(), p.positionLevel(), p.effectiveFrom());
    }

    PositionAssignment toCommand() {
        return new PositionAssignment(employmentType, positionLevel, effectiveFrom);
    }
}
