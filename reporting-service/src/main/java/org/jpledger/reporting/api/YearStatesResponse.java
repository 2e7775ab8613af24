package org.jpledger.reporting.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The training years reported on, each with whether it is closed and its closings. */
@Schema(name = "YearStates", description = "The training years reported on and their closings")
public record YearStatesResponse(
        @Schema(description = "The current training year (Asia/Jakarta)", examples = "2026") int current,
        @Schema(description = "Every year reported on, newest first") List<YearState> years) {

    /** One year. */
    @Schema(name = "YearState", description = "A training year's state and closings")
    public record YearState(
            @Schema(description = "Training year", examples = "2025") int year,
            @Schema(description = "CLOSED while a whole-organisation closing stands; REOPENED when the year was "
                    + "closed (whole or a subtree) and none of its closings stands; OPEN otherwise (never closed, or "
                    + "only unit subtrees closed: see closings)") String state,
            @Schema(description = "The closings standing now (a whole-organisation one, or unit subtrees)")
            List<ClosingSummary> standing,
            @Schema(description = "Every closing of the year, newest first") List<ClosingSummary> closings) {
    }

    /** A closing in brief. */
    @Schema(name = "YearClosingSummary", description = "A closing in brief")
    public record ClosingSummary(
            @Schema(description = "Root of the closed subtree; absent for the whole organisation") String unitCode,
            @Schema(description = "Version within the year and scope") int version,
            @Schema(description = "When it was closed") Instant closedAt,
            @Schema(description = "Who closed it") String closedBy,
            @Schema(description = "When it was reopened; absent while it stands") Instant reopenedAt) {
    }
}
