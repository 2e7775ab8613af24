package org.jpledger.training.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.UnitDissolution;

/** Body of {@code POST /api/v1/units/{code}/dissolution}. */
@Schema(name = "UnitDissolutionRequest", description = "From when a unit no longer exists, who takes over, and the "
        + "decision that says so.")
public record UnitDissolutionRequest(
        @Schema(description = "The first day the unit no longer exists; not in the future, after the unit's first day "
                + "and not before its latest change") @NotNull LocalDate effectiveDate,
        @Schema(description = "The unit that takes over (a merger, a split's main part, a new code); absent when none "
                + "does. It must exist on effectiveDate and not be dissolved by then", examples = "DISDIKBUD-JATENG")
        @Size(max = 64) @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String successorCode,
        @Schema(description = "The SK or Perda that dissolves the unit", examples = "Perda 9/2025")
        @NotBlank @Size(max = UnitDissolution.MAX_REFERENCE) String reference) {

    /** The command this body asks for. */
    public UnitDissolution toCommand() {
        return new UnitDissolution(effectiveDate, successorCode, reference);
    }
}
