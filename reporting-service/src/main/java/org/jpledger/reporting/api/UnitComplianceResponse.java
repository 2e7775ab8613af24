package org.jpledger.reporting.api;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A unit's figures over its subtree in a year, and those of each direct child, for drilling down. */
@Schema(name = "UnitCompliance", description = "A unit's compliance over its whole subtree, and each direct child's")
public record UnitComplianceResponse(
        @Schema(description = "Training year") int year,
        @Schema(description = "The unit and its figures over its subtree") UnitRow unit,
        @Schema(description = "Each direct child unit with its figures over its subtree, by name") List<UnitRow> children,
        @Schema(description = "Time of the newest event applied to the projections: the figures are as of then")
        Instant asOf,
        @Schema(description = "True when these are a closing's figures (the year's snapshot), false when live")
        boolean closed,
        @Schema(description = "The standing closing of the year: the one the figures come from when closed; named "
                + "beside live figures too (view=live); absent when the year is not closed") ClosingMark closing) {

    /** Live figures, before any closing is looked up. */
    public UnitComplianceResponse(int year, UnitRow unit, List<UnitRow> children, Instant asOf) {
        this(year, unit, children, asOf, false, null);
    }

    /** The same figures, marked closed or live and naming the year's standing closing. */
    public UnitComplianceResponse marked(boolean closed, ClosingMark closing) {
        return new UnitComplianceResponse(year, unit, children, asOf, closed, closing);
    }

    /** A unit with its figures. */
    @Schema(name = "UnitComplianceRow", description = "A unit with its compliance figures over its subtree")
    public record UnitRow(
            @Schema(description = "The unit's code") String code,
            @Schema(description = "The unit's name") String name,
            @Schema(description = "Code of its parent; absent for a root") String parentCode,
            @Schema(description = "Figures of the employees counting in the unit or any unit below it")
            ComplianceFigures figures) {
    }
}
