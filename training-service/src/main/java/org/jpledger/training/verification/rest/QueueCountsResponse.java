package org.jpledger.training.verification.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.verification.service.QueueCounts;
import org.jpledger.training.verification.service.UnitWaiting;

/** How many completions wait per unit. */
@Schema(name = "QueueCounts", description = "What waits for a verifier, per unit.")
public record QueueCountsResponse(
        @Schema(description = "The unit asked for, counting only its own employees; absent without unitCode")
        UnitCount own,
        @Schema(description = "Without unitCode the units your token names (the top units for a whole-tree token), "
                + "with unitCode its direct children; each counts its whole subtree. At most 1000, in code order")
        List<UnitCount> units,
        @Schema(description = "Whether more than 1000 units would have been listed: ask per unit to see the rest")
        boolean more) {

    /** One unit's waiting completions. */
    @Schema(name = "QueueUnitCount")
    public record UnitCount(
            @Schema(description = "Unit code") String unitCode,
            @Schema(description = "Unit name") String unitName,
            @Schema(description = "Completions waiting") long waiting,
            @Schema(description = "Of those, how many carry a flag (IMPLAUSIBLE_JP_PER_DAY, POSSIBLE_DUPLICATE)")
            long flagged) {

        static UnitCount from(UnitWaiting w) {
            return w == null ? null : new UnitCount(w.unitCode(), w.unitName(), w.waiting(), w.flagged());
        }
    }

    static QueueCountsResponse from(QueueCounts counts) {
        return new QueueCountsResponse(UnitCount.from(counts.own()),
                counts.units().stream().map(UnitCount::from).toList(), counts.more());
    }
}
