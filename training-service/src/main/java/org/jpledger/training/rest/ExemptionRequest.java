package org.jpledger.training.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.training.service.NewExemption;

/** Body of {@code POST /api/v1/employees/{nip}/exemptions}. */
@Schema(name = "ExemptionRequest", description = "A period in which the employee is not judged, both days included.")
public record ExemptionRequest(
        @Schema(description = ExemptionResponse.KINDS) @NotNull ExemptionKind kind,
        @Schema(description = "First day of the period; not before the employee's employedFrom, not after their "
                + "employedUntil") @NotNull LocalDate from,
        @Schema(description = "Last day of the period; absent while open-ended (the employee has not returned yet); "
                + "not before from") LocalDate until,
        @Schema(description = "Number of the decision (SK) that grants it, printable characters", examples =
                "800/1234/BKD/2025")
        @NotBlank @Size(max = 100) @Pattern(regexp = "\\P{C}*", message = "must hold printable characters only")
        String reference) {

    /** The command this body asks for. */
    public NewExemption toCommand() {
        return new NewExemption(kind, from, until, reference);
    }
}
