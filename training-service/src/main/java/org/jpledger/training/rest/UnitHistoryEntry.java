package org.jpledger.training.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.events.UnitAssignment;

/** One entry of an employee's unit history as an admin's correction gives it. */
@Schema(name = "UnitHistoryEntry", description = "A unit the employee belonged to, from a date on.")
public record UnitHistoryEntry(
        @Schema(description = "Code of the unit", examples = "BKD-JATENG")
        @NotBlank @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String unitCode,
        @Schema(description = "First day in this unit (the TMT of the SK)") @NotNull LocalDate effectiveFrom) {

    UnitAssignment toCommand() {
        return new UnitAssignment(unitCode, effectiveFrom);
    }
}
