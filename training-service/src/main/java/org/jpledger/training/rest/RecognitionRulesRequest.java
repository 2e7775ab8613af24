package org.jpledger.training.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.RecognitionRulesTable;

/** Body of {@code PUT /api/v1/admin/recognition-rules}: the whole table, which becomes the next version. */
@Schema(name = "RecognitionRulesRequest", description = "A replacement recognition rule table, for future records.")
public record RecognitionRulesRequest(
        @Schema(description = "Factor for claimed JP of international training (1.20 = +20%)", examples = "1.20")
        @NotNull @DecimalMin("1.00") @DecimalMax("3.00") @Digits(integer = 1, fraction = 2) BigDecimal internationalFactor,
        @Schema(description = "Kinds that may give days instead of JP, with their JP per day")
        @NotNull @Size(max = 25) List<@Valid @NotNull DayRate> dayRates) {

    /** JP per day of one kind. */
    @Schema(name = "DayRate")
    public record DayRate(
            @Schema(description = "Training kind id (1-25)", examples = "9") @NotNull @Min(1) @Max(25) Integer kindId,
            @Schema(description = "JP per day", examples = "4")
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24")
            @Digits(integer = 2, fraction = 2) BigDecimal jpPerDay,
            @Schema(description = "JP per day of international training", examples = "6")
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("24")
            @Digits(integer = 2, fraction = 2) BigDecimal jpPerDayInternational) {
    }

    /** The command this body asks for. */
    public RecognitionRulesTable toCommand() {
        return new RecognitionRulesTable(internationalFactor, dayRates.stream()
                .map(r -> new RecognitionRulesTable.DayRate(r.kindId(), r.jpPerDay(), r.jpPerDayInternational()))
                .toList());
    }
}
