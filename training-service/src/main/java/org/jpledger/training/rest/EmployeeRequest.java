package org.jpledger.training.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.training.service.EmployeeState;

/** Body of {@code PUT /api/v1/employees/{nip}}. */
@Schema(name = "EmployeeRequest", description = "The desired state of an employee.")
public record EmployeeRequest(
        @Schema(description = "Full name", examples = "Siti Rahayu") @NotBlank @Size(max = 200) String name,
        @Schema(description = "PNS (civil servant) or PPPK (contract government employee)")
        @NotNull EmploymentType employmentType,
        @Schema(description = "Position level, which sets the yearly JP duty") @NotNull PositionLevel positionLevel,
        @Schema(description = "Code of the unit the employee works in", examples = "BKD-JATENG")
        @NotBlank @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String unitCode,
        @Schema(description = "First day in service") @NotNull LocalDate employedFrom,
        @Schema(description = "Last day in service; absent while in service") LocalDate employedUntil,
        @Schema(description = "When a change of unitCode took effect (a transfer); default today in Asia/Jakarta. Not "
                + "before the employee's latest transfer, not in the future; ignored when the unit does not change.")
        LocalDate effectiveDate) {

    /** The command this body asks for. */
    public EmployeeState toCommand() {
        return new EmployeeState(name, employmentType, positionLevel, unitCode, employedFrom, employedUntil,
                effectiveDate);
    }
}
