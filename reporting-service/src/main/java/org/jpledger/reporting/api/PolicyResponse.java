package org.jpledger.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A year's policy as the API shows it; the defaults when none was stored. */
@Schema(name = "Policy", description = "The compliance policy of a training year.")
public record PolicyResponse(
        @Schema(description = "The training year") int year,
        @Schema(description = "JP every employee must reach unless an override applies") BigDecimal targetJp,
        @Schema(description = "Targets by employment type") Map<String, BigDecimal> targetByEmploymentType,
        @Schema(description = "Targets by position level (win over the employment type's)")
        Map<String, BigDecimal> targetByPositionLevel,
        @Schema(description = "Minutes in one JP") int minutesPerJp,
        @Schema(description = "Whether targets are pro-rated by the share of the year employed") boolean prorate,
        @Schema(description = "True when no policy was stored for the year and these are the defaults")
        boolean isDefault,
        @Schema(description = "Version; 0 for the defaults, one more per change") long version,
        @Schema(description = "When the policy was last changed; absent for the defaults") Instant updatedAt) {
}
