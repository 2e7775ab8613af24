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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.service.RecognitionRulesTable;

/** Body of {@code PUT /api/v1/admin/recognition-rules}: the whole table, which becomes the next version. */
@Schema(name = "RecognitionRulesRequest", description = "A replacement recognition rule table, for completions that end "
        + "on or after its validFrom.")
public record RecognitionRulesRequest(
        @Schema(description = "Factor for claimed JP of international training (1.20 = +20%)", examples = "1.20")
        @NotNull @DecimalMin("1.00") @DecimalMax("3.00") @Digits(integer = 1, fraction = 2) BigDecimal internationalFactor,
        @Schema(description = "Kinds that may give days instead of JP, with their JP per day")
        @NotNull @Size(max = 25) List<@Valid @NotNull DayRate> dayRates,
        @Schema(description = "The first training end date this version recognises; must be after the latest version's "
                + "validFrom (rule history only grows forward). The latest version's validUntil becomes the day before.",
                examples = "2027-01-01")
        @NotNull LocalDate validFrom,
        @Schema(description = "The last training end date this version recognises (inclusive); absent for no end. "
                + "Completions ending after it have no rules until a next version starts.", examples = "2027-12-31")
        LocalDate validUntil) {

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
                .toList(), validFrom, validUntil);
    }
}
