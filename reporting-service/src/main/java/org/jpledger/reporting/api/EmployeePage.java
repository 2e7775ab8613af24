package org.jpledger.reporting.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.reporting.projection.RatedEmployee;

/** A page of the employees of a unit's subtree with their figures. */
@Schema(name = "EmployeeCompliancePage", description = "Employees of a unit's subtree; follow nextCursor for more")
public record EmployeePage(
        @Schema(description = "Training year") int year,
        @Schema(description = "The employees of this page") List<EmployeeRow> items,
        @Schema(description = "Opaque cursor of the next page; absent on the last page") String nextCursor,
        @Schema(description = "Time of the newest event applied to the projections: the figures are as of then")
        Instant asOf,
        @Schema(description = "True when these are a closing's figures (the year's snapshot), false when live")
        boolean closed,
        @Schema(description = "The standing closing of the year: the one the figures come from when closed; named "
                + "beside live figures too (view=live); absent when the year is not closed") ClosingMark closing) {

    /** Live figures, before any closing is looked up. */
    public EmployeePage(int year, List<EmployeeRow> items, String nextCursor, Instant asOf) {
        this(year, items, nextCursor, asOf, false, null);
    }

    /** The same figures, marked closed or live and naming the year's standing closing. */
    public EmployeePage marked(boolean closed, ClosingMark closing) {
        return new EmployeePage(year, items, nextCursor, asOf, closed, closing);
    }

    /** One employee's figures in the year. */
    @Schema(name = "EmployeeComplianceRow", description = "An employee's figures in the year")
    public record EmployeeRow(
            @Schema(description = "18-digit NIP") String nip,
            @Schema(description = "Full name") String name,
            @Schema(description = "The unit the employee counts in that year") String unitCode,
            @Schema(description = "Name of that unit") String unitName,
            @Schema(description = "PNS or PPPK") String employmentType,
            @Schema(description = "Position level") String positionLevel,
            @Schema(description = "Recognized JP in the year") BigDecimal totalJp,
            @Schema(description = "The year's target for this employee") BigDecimal targetJp,
            @Schema(description = "COMPLIANT, ON_TRACK, AT_RISK or NOT_MET; LEFT_SERVICE for a leaver "
                    + "the policy excludes (listed, not in the headcount)") ComplianceStatus status,
            @Schema(description = "Completions counted in the year") int completionCount,
            @Schema(description = "JP waiting for verification beside totalJp (not counted under the year's counting "
                    + "policy, not rejected); absent when none") BigDecimal pendingJp) {

        public static EmployeeRow of(RatedEmployee e) {
            return new EmployeeRow(e.nip(), e.name(), e.unitCode(), e.unitName(), e.employmentType(),
                    e.positionLevel(), e.totalJp(), e.targetJp(), e.status(), e.completionCount(),
                    EmployeeComplianceResponse.nonZero(e.pendingJp()));
        }
    }
}
