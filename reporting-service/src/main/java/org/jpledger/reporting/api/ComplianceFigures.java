package org.jpledger.reporting.api;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.reporting.projection.Tallies;
import org.jpledger.reporting.projection.UnitFigures;

/** Compliance figures of a group of employees in a year. */
@Schema(name = "ComplianceFigures", description = "Compliance figures of the employees in service in the year")
public record ComplianceFigures(
        @Schema(description = "Employees in service on at least one day of the year, but not the exempt")
        long headcount,
        @Schema(description = "Employees at or above their target") long compliant,
        @Schema(description = "Below target but at or above the target pro-rated to today") long onTrack,
        @Schema(description = "Below the target pro-rated to today") long atRisk,
        @Schema(description = "Below target with their part of the year over") long notMet,
        @Schema(description = "compliant / headcount, 0 to 1 (4 decimals); 0 without headcount") BigDecimal complianceRate,
        @Schema(description = "Recognized JP of all of them (the headcount's)") BigDecimal totalJp,
        @Schema(description = "totalJp / headcount (2 decimals)") BigDecimal averageJp,
        @Schema(description = "Employees exempt (tugas belajar, CLTN, ...) on every day of their part of the year: "
                + "status EXEMPT, not in the headcount") long exempt,
        @Schema(description = "Headcount and compliant by employment type: PNS, PPPK, PPPK_PARUH_WAKTU (each present)")
        Map<EmploymentType, TypeFigures> employmentTypes,
        @Schema(description = "Employees who left service in the year, by leaving reason (each reason present)")
        Map<LeavingReason, Long> leavers,
        @Schema(description = "Employees in the headcount whose JP in the contract year ending in this year are above "
                + "their employment type's cap (PP 49/2018 Pasal 39: PPPK at most 24 JP per contract year); their JP "
                + "still count in totalJp") long aboveCap,
        @Schema(description = "Sum of those employees' JP above their cap") BigDecimal jpAboveCap,
        @Schema(description = "Leavers the policy excludes (leavers EXCLUDE): status LEFT_SERVICE, not in the "
                + "headcount") long leftService,
        @Schema(description = "JP of the headcount's completions waiting for verification: not rejected and not "
                + "counted under the year's counting policy; shown beside totalJp, never in it; absent when none")
        BigDecimal pendingJp,
        @Schema(description = "JP of the headcount's completions (not rejected) flagged POSSIBLE_DUPLICATE; absent "
                + "when none") BigDecimal flaggedJp) {

    /** Headcount and compliant of one employment type. */
    @Schema(name = "EmploymentTypeFigures", description = "Headcount and compliant of one employment type")
    public record TypeFigures(
            @Schema(description = "Employees of the type in the headcount") long headcount,
            @Schema(description = "Of them, at or above their target") long compliant) {
    }

    private static final TypeFigures NO_TYPE = new TypeFigures(0, 0);

    /** Its counts beyond the statuses, as the tallies of the rows they were made from. */
    public Tallies tallies() {
        return Tallies.of(exempt, type -> employmentTypes.getOrDefault(type, NO_TYPE).headcount(),
                type -> employmentTypes.getOrDefault(type, NO_TYPE).compliant(), leavers, aboveCap, leftService);
    }

    public static ComplianceFigures of(UnitFigures figures) {
        Tallies tallies = figures.tallies();
        Map<EmploymentType, TypeFigures> types = new LinkedHashMap<>();
        for (EmploymentType type : EmploymentType.values()) {
            types.put(type, new TypeFigures(tallies.headcount(type), tallies.compliant(type)));
        }
        return new ComplianceFigures(figures.headcount(), figures.compliant(), figures.onTrack(), figures.atRisk(),
                figures.notMet(), figures.complianceRate(), figures.totalJp(), figures.averageJp(), tallies.exempt(),
                types, tallies.leavers(), tallies.aboveCap(), figures.jpAboveCap(),
                tallies.leftService(), EmployeeComplianceResponse.nonZero(figures.pendingJp()),
                EmployeeComplianceResponse.nonZero(figures.flaggedJp()));
    }
}
