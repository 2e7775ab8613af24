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
        Instant asOf) {
}
