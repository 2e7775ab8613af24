package org.jpledger.reporting.rest;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.CountingPolicy;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.reporting.projection.LeaversRule;
import org.jpledger.reporting.projection.Pacing;
import org.jpledger.reporting.projection.PolicyTerms;
import org.jpledger.support.problem.FieldErrors;

/** Body of {@code PUT /api/v1/policies/{year}} and of a unit's policy: the whole policy. */
@Schema(name = "PolicyRequest", description = "The compliance policy of a training year, national or of a unit's "
        + "subtree. State the target in JP or in hours, not both.")
public record PolicyRequest(
        @Schema(description = "JP every employee must reach in the year unless an override applies; or give "
                + "targetHours", examples = "20")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
        BigDecimal targetJp,
        @Schema(description = "Targets by employment type, e.g. {\"PNS\": 20}; absent types use targetJp")
        Map<EmploymentType, @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
                @Digits(integer = 4, fraction = 2) BigDecimal> targetByEmploymentType,
        @Schema(description = "Targets by position level, e.g. {\"JPT_PRATAMA\": 30}; a level's target wins over the "
                + "employment type's")
        Map<PositionLevel, @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
                @Digits(integer = 4, fraction = 2) BigDecimal> targetByPositionLevel,
        @Schema(description = "Minutes in one JP: national reference data (45, Perlan LAN 10/2018), not a setting; "
                + "leave it out, or send the reference value", examples = "45") @Min(1) @Max(240) Integer minutesPerJp,
        @Schema(description = "Whether an employee in service for part of the year gets the target pro-rated by the "
                + "share of the year employed, rounded up to whole JP; default true") Boolean prorate,
        @Schema(description = "The target in hours instead of targetJp (e.g. 40 for DKI Jakarta): converted to JP with "
                + "the year's minutes per JP and rounded up (40 h = 53.33 → 54 JP)", examples = "40")
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 4, fraction = 2)
        BigDecimal targetHours,
        @Schema(description = "LINEAR (default): the target pro-rated to the days elapsed is expected; QUARTERLY: "
                + "quarterFractions of it once each quarter is over; GRACE: nothing before atRiskFromMonth, linear "
                + "after") Pacing pacing,
        @Schema(description = "QUARTERLY only: 4 cumulative fractions of the target due by the end of each quarter, "
                + "non-decreasing, from 0 to 1, the last 1", examples = "[0.1, 0.4, 0.7, 1]")
        @Size(min = 4, max = 4) List<@NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
                BigDecimal> quarterFractions,
        @Schema(description = "GRACE only: the first month (1-12) in which an employee may be AT_RISK", examples = "4")
        @Min(1) @Max(12) Integer atRiskFromMonth,
        @Schema(description = "PRORATE (default): an employee leaving service within the year is rated on a pro-rated "
                + "target; EXCLUDE: is LEFT_SERVICE, not rated and not in the headcount") LeaversRule leavers,
        @Schema(description = "Ceilings of JP per contract year by employment type, e.g. {\"PPPK\": 24, "
                + "\"PPPK_PARUH_WAKTU\": 24} (PP 49/2018 Pasal 39: PPPK competency development is at most 24 JP a "
                + "contract year); not targets: JP above a cap still count")
        Map<EmploymentType, @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000")
                @Digits(integer = 4, fraction = 2) BigDecimal> capByEmploymentType,
        @Schema(description = "Which completions count, by their verification state: ALL (default: every "
                + "completion not rejected), VERIFIED_ONLY (only those a verifier confirmed) or VERIFIED_OR_TRUSTED "
                + "(those and the ones from a source trusted for the employee's unit); the others show as pendingJp, "
                + "never counted")
        CountingPolicy counting) {

    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    /**
     * The terms this body asks for in {@code year}, absent settings at their defaults; refused (400, naming every field
     * at fault) when the target is stated twice or not at all, the minutes per JP differ from the reference value, or
     * the pacing's own setting is missing or given to another pacing.
     */
    public PolicyTerms terms(int year) {
        FieldErrors errors = new FieldErrors();
        int reference = TrainingCalendar.minutesPerJp(year);
        if ((targetJp == null) == (targetHours == null)) {
            errors.add(targetJp == null ? "targetJp" : "targetHours", "give exactly one of targetJp and targetHours");
        }
        if (minutesPerJp != null && minutesPerJp != reference) {
            errors.add("minutesPerJp", "is national reference data (" + reference + " minutes a JP in " + year
                    + ", Perlan LAN 10/2018), the same for every policy and the xAPI mapping; leave it out");
        }
        Pacing pace = pacing == null ? PolicyTerms.DEFAULT.pacing() : pacing;
        if (pace == Pacing.QUARTERLY) {
            checkQuarters(errors);
        } else if (quarterFractions != null) {
            errors.add("quarterFractions", "only with pacing QUARTERLY");
        }
        if (pace == Pacing.GRACE && atRiskFromMonth == null) {
            errors.add("atRiskFromMonth", "is required with pacing GRACE");
        } else if (pace != Pacing.GRACE && atRiskFromMonth != null) {
            errors.add("atRiskFromMonth", "only with pacing GRACE");
        }
        errors.throwIfAny();
        BigDecimal target = targetJp != null ? targetJp
                : targetHours.multiply(MINUTES_PER_HOUR).divide(BigDecimal.valueOf(reference), 0, RoundingMode.CEILING);
        return new PolicyTerms(target, names(targetByEmploymentType), names(targetByPositionLevel), reference,
                prorate == null ? PolicyTerms.DEFAULT.prorate() : prorate, targetHours, pace,
                pace == Pacing.QUARTERLY ? List.copyOf(quarterFractions) : null, atRiskFromMonth,
                leavers == null ? PolicyTerms.DEFAULT.leavers() : leavers, names(capByEmploymentType),
                counting == null ? PolicyTerms.DEFAULT.counting() : counting);
    }

    private void checkQuarters(FieldErrors errors) {
        if (quarterFractions == null) {
            errors.add("quarterFractions", "is required with pacing QUARTERLY");
            return;
        }
        if (quarterFractions.size() != 4 || quarterFractions.contains(null)) {
            return;
        }
        for (int i = 1; i < 4; i++) {
            if (quarterFractions.get(i).compareTo(quarterFractions.get(i - 1)) < 0) {
                errors.add("quarterFractions", "must not decrease: they are cumulative");
                return;
            }
        }
        if (quarterFractions.get(3).compareTo(BigDecimal.ONE) != 0) {
            errors.add("quarterFractions", "must end at 1: the whole target is due by the end of the year");
        }
    }

    private static Map<String, BigDecimal> names(Map<? extends Enum<?>, BigDecimal> targets) {
        Map<String, BigDecimal> byName = new TreeMap<>();
        if (targets != null) {
            targets.forEach((key, value) -> byName.put(key.name(), value));
        }
        return byName;
    }
}
