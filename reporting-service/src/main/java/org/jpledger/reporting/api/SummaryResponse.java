package org.jpledger.reporting.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The whole organisation's figures in a year, and each top-level unit's. */
@Schema(name = "ComplianceSummary", description = "The whole organisation's compliance, and each top-level unit's")
public record SummaryResponse(
        @Schema(description = "Training year") int year,
        @Schema(description = "Figures of every employee in service in the year, whatever their unit")
        ComplianceFigures figures,
        @Schema(description = "Each top-level unit with its figures over its subtree, by name")
        List<UnitComplianceResponse.UnitRow> units,
        @Schema(description = "Time of the newest event applied to the projections: the figures are as of then")
        Instant asOf,
        @Schema(description = "True when these are a closing's figures (the year's snapshot), false when live")
        boolean closed,
        @Schema(description = "The standing closing of the year: the one the figures come from when closed; named "
                + "beside live figures too (view=live); absent when the year is not closed") ClosingMark closing) {

    /** Live figures, before any closing is looked up. */
    public SummaryResponse(int year, ComplianceFigures figures, List<UnitComplianceResponse.UnitRow> units,
            Instant asOf) {
        this(year, figures, units, asOf, false, null);
    }

    /** The same figures, marked closed or live and naming the year's standing closing. */
    public SummaryResponse marked(boolean closed, ClosingMark closing) {
        return new SummaryResponse(year, figures, units, asOf, closed, closing);
    }
}
