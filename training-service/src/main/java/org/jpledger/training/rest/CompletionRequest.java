package org.jpledger.training.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.training.service.NewCompletion;

/** Body of {@code POST /api/v1/completions}. */
@Schema(name = "CompletionRequest", description = "A training completion reported by an integrating system.")
public record CompletionRequest(
        @Schema(description = "NIP of the employee (18 digits)", examples = "198503122010012003") @NotBlank String nip,
        @Schema(description = "Name of the training", examples = "Pelatihan Analisis Kebijakan")
        @NotBlank @Size(max = 300) String title,
        @Schema(description = "National training kind id (jenis diklat, 1-25)", examples = "3")
        @NotNull @Min(1) @Max(25) Integer kindId,
        @Schema(description = "TEKNIS, MANAJERIAL or SOSIAL_KULTURAL") @NotNull CompetencyType competencyType,
        @Schema(description = "LURING (in person), DARING (online) or BLENDED") @NotNull DeliveryMode deliveryMode,
        @Schema(description = "Organising institution (institusi penyelenggara)", examples = "BPSDMD Provinsi Jawa Tengah")
        @NotBlank @Size(max = 200) String provider,
        @Schema(description = "First day of the training") @NotNull LocalDate startDate,
        @Schema(description = "Last day; decides the training year") @NotNull LocalDate endDate,
        @Schema(description = "Lesson hours stated by the provider; may be left out for a seminar or workshop given with days",
                examples = "24")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 2) BigDecimal jp,
        @Schema(description = "Days, for a seminar (4 JP a day) or workshop (5 JP a day) without stated JP; at most the "
                + "days from startDate to endDate (inclusive)")
        @Min(1) @Max(366) Integer days,
        @Schema(description = "International training (+20% JP, or 6/7 JP a day)") Boolean international,
        @Schema(description = "Certificate number (nomor sertipikat)") @Size(max = 100) String certificateNumber,
        @Schema(description = "Id of the reporting system", examples = "lms-bpsdmd")
        @NotBlank @Size(max = 64) String sourceSystem,
        @Schema(description = "The reporting system's own id of this completion; a retried POST with the same pair is a no-op",
                examples = "LMS-2026-000123")
        @NotBlank @Size(max = 128) String externalId) {

    /** The command this body asks for. */
    public NewCompletion toCommand() {
        return new NewCompletion(nip, title, kindId, competencyType, deliveryMode, provider, startDate, endDate, jp, days,
                international, certificateNumber, sourceSystem, externalId);
    }
}
