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
        Instant asOf) {

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
