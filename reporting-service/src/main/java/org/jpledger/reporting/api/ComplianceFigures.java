package org.jpledger.reporting.api;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.projection.UnitFigures;

/** Compliance figures of a group of employees in a year. */
@Schema(name = "ComplianceFigures", description = "Compliance figures of the employees in service in the year")
public record ComplianceFigures(
        @Schema(description = "Employees in service on at least one day of the year") long headcount,
        @Schema(description = "Employees at or above their target") long compliant,
        @Schema(description = "Below target but at or above the target pro-rated to today") long onTrack,
        @Schema(description = "Below the target pro-rated to today") long atRisk,
        @Schema(description = "Below target with their part of the year over") long notMet,
        @Schema(description = "compliant / headcount, 0 to 1 (4 decimals); 0 without headcount") BigDecimal complianceRate,
        @Schema(description = "Recognized JP of all of them") BigDecimal totalJp,
        @Schema(description = "totalJp / headcount (2 decimals)") BigDecimal averageJp) {

    public static ComplianceFigures of(UnitFigures figures) {
        return new ComplianceFigures(figures.headcount(), figures.compliant(), figures.onTrack(), figures.atRisk(),
                figures.notMet(), figures.complianceRate(), figures.totalJp(), figures.averageJp());
    }
}
