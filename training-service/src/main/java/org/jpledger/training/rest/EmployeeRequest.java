package org.jpledger.training.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.training.service.EmployeeState;

/** Body of {@code PUT /api/v1/employees/{nip}}. */
@Schema(name = "EmployeeRequest", description = "The desired state of an employee.")
public record EmployeeRequest(
        @Schema(description = "Full name", examples = "Siti Rahayu") @NotBlank @Size(max = 200) String name,
        @Schema(description = "PNS (civil servant), PPPK (government employee with a work contract) or PPPK_PARUH_WAKTU "
                + "(part-time PPPK); a change is recorded from effectiveDate")
        @NotNull EmploymentType employmentType,
        @Schema(description = "Position level, which sets the yearly JP duty; a change (a promotion) is recorded from "
                + "effectiveDate") @NotNull PositionLevel positionLevel,
        @Schema(description = "Code of the unit the employee works in", examples = "BKD-JATENG")
        @NotBlank @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String unitCode,
        @Schema(description = "First day in service") @NotNull LocalDate employedFrom,
        @Schema(description = "Last day in service; absent while in service") LocalDate employedUntil,
        @Schema(description = "When a change of unitCode (a transfer), employmentType or positionLevel took effect; "
                + "default today in Asia/Jakarta. Not in the future, not before employedFrom, not before the latest "
                + "change of what changes (an earlier date needs the admin's history correction); a second change on "
                + "the same day corrects the first; ignored when none of the three changes.")
        LocalDate effectiveDate,
        @Schema(description = "Why the employee left service; only together with employedUntil. Absent with "
                + "employedUntil, it is stored as LAINNYA (other, or not stated); clearing employedUntil clears it.")
        LeavingReason leavingReason,
        @Schema(description = "SIASN's own id of the person (pnsOrangId), when known: up to 64 letters, digits and '-'; "
                + "absent clears it", examples = "8ae48365-6d4b-4b1b-9d5b-0e8c1b1e2c3f")
        @Size(max = SiasnIds.MAX) @Pattern(regexp = SiasnIds.PATTERN, message = SiasnIds.MESSAGE) String pnsOrangId) {

    /** The command this body asks for. */
    public EmployeeState toCommand() {
        return new EmployeeState(name, employmentType, positionLevel, unitCode, employedFrom, employedUntil,
                effectiveDate, leavingReason, pnsOrangId);
    }
}
