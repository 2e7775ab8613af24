package org.jpledger.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A year's policy (national or of a unit's subtree) as the API shows it; the defaults when none was stored. */
@Schema(name = "Policy", description = "The compliance policy of a training year, national or of a unit's subtree.")
public record PolicyResponse(
        @Schema(description = "The training year") int year,
        @Schema(description = "JP every employee must reach unless an override applies (targetHours converted, rounded "
                + "up, when the target was stated in hours)") BigDecimal targetJp,
        @Schema(description = "Targets by employment type") Map<String, BigDecimal> targetByEmploymentType,
        @Schema(description = "Targets by position level (win over the employment type's)")
        Map<String, BigDecimal> targetByPositionLevel,
        @Schema(description = "Minutes in one JP: the national reference value of the year (Perlan LAN 10/2018), not "
                + "a setting of the policy") int minutesPerJp,
        @Schema(description = "Whether targets are pro-rated by the share of the year employed") boolean prorate,
        @Schema(description = "True when no policy was stored for the year and these are the defaults")
        boolean isDefault,
        @Schema(description = "Version; 0 for the defaults, one more per change") long version,
        @Schema(description = "When the policy was last changed; absent for the defaults") Instant updatedAt,
        @Schema(description = "The unit whose subtree the policy covers; absent for the national policy")
        String unitCode,
        @Schema(description = "The target as stated in hours; absent when stated in JP") BigDecimal targetHours,
        @Schema(description = "LINEAR, QUARTERLY or GRACE: how much of the target is expected by a day of the year")
        String pacing,
        @Schema(description = "QUARTERLY: the cumulative fractions of the target due by the end of each quarter")
        List<BigDecimal> quarterFractions,
        @Schema(description = "GRACE: the first month (1-12) in which an employee may be AT_RISK")
        Integer atRiskFromMonth,
        @Schema(description = "PRORATE: leavers are rated on a pro-rated target; EXCLUDE: not rated, not counted")
        String leavers,
        @Schema(description = "Ceilings of JP per contract year by employment type (not targets)")
        Map<String, BigDecimal> capByEmploymentType,
        @Schema(description = "ALL, VERIFIED_ONLY or VERIFIED_OR_TRUSTED: which completions count by their "
                + "verification state (a rejected one never does)") String counting) {
}
