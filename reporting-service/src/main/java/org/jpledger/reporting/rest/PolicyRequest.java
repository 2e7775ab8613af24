package org.jpledger.reporting.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.reporting.projection.PolicyTerms;

/** Body of {@code PUT /api/v1/policies/{year}}: the whole policy of a year. */
@Schema(name = "PolicyRequest", description = "The compliance policy of a training year.")
public record PolicyRequest(
        @Schema(description = "JP every employee must reach in the year unless an override applies", examples = "20")
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
        BigDecimal targetJp,
        @Schema(description = "Targets by employment type, e.g. {\"PPPK\": 24}; absent types use targetJp")
        Map<EmploymentType, @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
                @Digits(integer = 4, fraction = 2) BigDecimal> targetByEmploymentType,
        @Schema(description = "Targets by position level, e.g. {\"JPT_PRATAMA\": 30}; a level's target wins over the "
                + "employment type's")
        Map<PositionLevel, @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
                @Digits(integer = 4, fraction = 2) BigDecimal> targetByPositionLevel,
        @Schema(description = "Minutes in one JP; default 45", examples = "45") @Min(1) @Max(240) Integer minutesPerJp,
        @Schema(description = "Whether an employee in service for part of the year gets the target pro-rated by the "
                + "share of the year employed, rounded up to whole JP; default true") Boolean prorate) {

    /** The terms this body asks for, absent settings at their defaults. */
    public PolicyTerms terms() {
        return new PolicyTerms(targetJp, names(targetByEmploymentType), names(targetByPositionLevel),
                minutesPerJp == null ? PolicyTerms.DEFAULT.minutesPerJp() : minutesPerJp,
                prorate == null ? PolicyTerms.DEFAULT.prorate() : prorate);
    }

    private static Map<String, BigDecimal> names(Map<? extends Enum<?>, BigDecimal> targets) {
        Map<String, BigDecimal> byName = new TreeMap<>();
        if (targets != null) {
            targets.forEach((key, value) -> byName.put(key.name(), value));
        }
        return byName;
    }
}
