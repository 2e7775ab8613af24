package org.jpledger.training.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.events.UnitPeriod;

/** One period of a unit's history, as the API shows it and as an admin's correction gives it. */
@Schema(name = "UnitPeriod", description = "A unit's name and parent from a date on (until the next period's date).")
public record UnitPeriodItem(
        @Schema(description = "First day of this name and parent (the TMT of the SK or Perda)") @NotNull
        LocalDate effectiveFrom,
        @Schema(description = "The unit's name then", examples = "Dinas Pendidikan dan Kebudayaan")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Code of the parent unit then; absent for a root")
        @Size(max = 64) @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String parentCode) {

    static UnitPeriodItem from(UnitPeriod p) {
        return new UnitPeriodItem(p.effectiveFrom(), p.name(), p.parentCode());
    }

    UnitPeriod toCommand() {
        return new UnitPeriod(effectiveFrom, name, parentCode);
    }
}
