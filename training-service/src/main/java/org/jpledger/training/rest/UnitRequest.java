package org.jpledger.training.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.domain.UnitZones;
import org.jpledger.training.service.UnitState;

/** Body of {@code PUT /api/v1/units/{code}}. */
@Schema(name = "UnitRequest", description = "The desired state of a unit.")
public record UnitRequest(
        @Schema(description = "Unit name", examples = "Badan Kepegawaian Daerah")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Code of the parent unit; absent for a root unit", examples = "PEMPROV-JATENG")
        @Size(max = 64) @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String parentCode,
        @Schema(description = "The unit's time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT); "
                + "absent to take the parent's (a root without one is in Asia/Jakarta). \"Today\" for its employees' "
                + "records is the date there.", examples = "Asia/Jayapura")
        @Pattern(regexp = UnitZones.PATTERN, message = UnitZones.MESSAGE) String timeZone,
        @Schema(description = "From when a new name or parent holds (the TMT of the SK or Perda): a new period of the "
                + "unit's history, or a correction of the latest one when on its date; not in the future, not before "
                + "the latest period. Absent: corrects the latest period in place (a new unit then stands from the "
                + "beginning of time); a unit created with it exists from that date", examples = "2026-01-01")
        LocalDate effectiveDate,
        @Schema(description = "SIASN's id of the agency (instansiId) a root unit stands for, when known: up to 64 "
                + "letters, digits and '-'; only on a root unit (its subunits belong to the same agency); absent clears "
                + "it", examples = "A5EB03E23C0BF6A0E040640A040252AD")
        @Size(max = SiasnIds.MAX) @Pattern(regexp = SiasnIds.PATTERN, message = SiasnIds.MESSAGE) String instansiId) {

    /** The command this body asks for. */
    public UnitState toCommand() {
        return new UnitState(name, parentCode, timeZone, effectiveDate, instansiId);
    }
}
