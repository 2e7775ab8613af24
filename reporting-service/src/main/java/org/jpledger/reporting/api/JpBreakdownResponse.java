package org.jpledger.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the recognized JP of a unit's subtree (or the organisation) came from, and how it is spread over employees. */
@Schema(name = "JpBreakdown", description = "The recognized JP of the employees in service in the year, broken down")
public record JpBreakdownResponse(
        @Schema(description = "Training year") int year,
        @Schema(description = "The unit whose subtree is broken down; absent for the whole organisation (or, for a "
                + "token naming some units, those units' subtrees together)") String unitCode,
        @Schema(description = "Employees in service in the year counted; equals the figures' headcount") long headcount,
        @Schema(description = "Of them, those with no JP at all") long withoutJp,
        @Schema(description = "JP by method: KLASIKAL, NONKLASIKAL") Map<String, BigDecimal> jpByMethod,
        @Schema(description = "JP by competency type: TEKNIS, MANAJERIAL, SOSIAL_KULTURAL")
        Map<String, BigDecimal> jpByCompetencyType,
        @Schema(description = "JP by delivery mode: LURING, DARING, BLENDED") Map<String, BigDecimal> jpByDeliveryMode,
        @Schema(description = "Employees by their total JP, in bands from 0 JP upwards") List<JpBand> jpBands,
        @Schema(description = "Time of the newest event applied to the projections: the figures are as of then")
        Instant asOf) {

    /** How many employees have a total JP within a band. */
    @Schema(name = "JpBand", description = "Employees whose total JP is at least fromJp and below toJp")
    public record JpBand(
            @Schema(description = "Lower edge, inclusive") BigDecimal fromJp,
            @Schema(description = "Upper edge, exclusive; absent for the last band") BigDecimal toJp,
            @Schema(description = "Employees in the band") long employees) {
    }
}
