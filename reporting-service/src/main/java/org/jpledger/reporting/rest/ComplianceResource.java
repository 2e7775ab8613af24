package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.api.EmployeeComplianceResponse;
import org.jpledger.reporting.api.EmployeePage;
import org.jpledger.reporting.api.FreshnessResponse;
import org.jpledger.reporting.api.JpBreakdownResponse;
import org.jpledger.reporting.api.SummaryResponse;
import org.jpledger.reporting.api.UnitComplianceResponse;
import org.jpledger.reporting.api.YearsResponse;
import org.jpledger.reporting.projection.EmployeeOrder;
import org.jpledger.reporting.service.ComplianceQueryService;
import org.jpledger.reporting.service.StatusService;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;

/** HTTP face of the compliance projections: per employee, per unit (drill-down), and for the whole organisation. */
@Path("/api/v1/compliance")
@Tag(name = "Compliance", description = "Who has met the year's JP duty, who is on track and who is behind")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    /**
     * A unit code as far as a query can tell: no control characters. Codes come from the ledger's events, so none has
     * one, and PostgreSQL refuses a NUL in a text parameter: without the rule such a code failed as a 500.
     */
    public static final String UNIT_CODE = "\\P{Cc}*";
    public static final String UNIT_CODE_RULE = "must not contain control characters";

    private final ComplianceQueryService compliance;
    private final StatusService status;
    private final AuditTrail trail;

    public ComplianceResource(ComplianceQueryService compliance, StatusService status, AuditTrail trail) {
        this.compliance = compliance;
        this.status = status;
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/employees/{nip}")
    @Audited("compliance.employee.read")
    @Operation(summary = "Get an employee's compliance in a year",
            description = "The lesson hours (JP) recognized for the employee in the training year, broken down by "
                    + "competency type, method and delivery mode; the year's target for them, the JP expected by today "
                    + "and their status; and the completions counted. A completion counts in the year of its end date "
                    + "(Asia/Jakarta), as its latest amendment; voided ones do not count. The employee counts in the "
                    + "unit they belonged to on their last employed day of the year. Figures follow the ledger's events: "
                    + "asOf says how fresh they are. For a closed year, the answer the year's standing closing holds "
                    + "(closed: true, closing named, with the corrections since) unless view=live.")
    @APIResponse(responseCode = "200", description = "The employee's compliance in the year",
            content = @Content(schema = @Schema(implementation = EmployeeComplianceResponse.class)))
    @APIResponse(responseCode = "400", description = "The NIP is not 18 digits, the year is not from 2000 to 2100, or "
            + "view is neither closed nor live")
    @APIResponse(responseCode = "404", description = "No employee with this NIP is known to reporting, or in the "
            + "year they count in a unit outside the units the token names")
    public EmployeeComplianceResponse employeeYear(
            @Parameter(description = "The employee's 18-digit NIP", example = "198503122010012003")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip,
            @Valid @BeanParam FiguresViewParam year) {
        if (year.year() != null) {
            trail.detail("year", year.year());
        }
        if (year.live()) {
            trail.detail("view", "live");
        }
        return compliance.employeeYear(nip, year.year(), year.live());
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/units/{code}")
    @Operation(summary = "Get a unit's compliance in a year, with its direct children",
            description = "Headcount, compliant and by-status counts, compliance rate, total and average JP of the "
                    + "employees counting in the unit or any unit below it; then the same for each direct child unit "
                    + "over its own subtree, so a dashboard can drill down level by level.")
    @APIResponse(responseCode = "200", description = "The unit's figures and its children's",
            content = @Content(schema = @Schema(implementation = UnitComplianceResponse.class)))
    @APIResponse(responseCode = "400", description = "The code has a control character, the year is not from 2000 "
            + "to 2100, or view is neither closed nor live")
    @APIResponse(responseCode = "404",
            description = "No unit with this code is known to reporting, or it is outside the units the token names")
    public UnitComplianceResponse unit(
            @Parameter(description = "The unit's code") @PathParam("code")
            @Pattern(regexp = UNIT_CODE, message = UNIT_CODE_RULE) String code,
            @Valid @BeanParam FiguresViewParam year) {
        return compliance.unit(code, year.year(), year.live());
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/units/{code}/employees")
    @Audited("compliance.employees.read")
    @Operation(summary = "List the employees of a unit's subtree with their figures",
            description = "Every employee counting in the unit or any unit below it in the year (those with no "
                    + "training at all included), optionally of some statuses and matching a NIP or name search, sorted "
                    + "by total JP or name, with keyset pagination: pass nextCursor back as cursor, with the same sort, "
                    + "for the next page. For a closed year, the rows of the standing closing holding the unit, over "
                    + "its subtree as it stood (closed: true) unless view=live.")
    @APIResponse(responseCode = "200", description = "One page of employees",
            content = @Content(schema = @Schema(implementation = EmployeePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named")
    @APIResponse(responseCode = "404",
            description = "No unit with this code is known to reporting, or it is outside the units the token names")
    public EmployeePage unitEmployees(
            @Parameter(description = "The unit's code") @PathParam("code")
            @Pattern(regexp = UNIT_CODE, message = UNIT_CODE_RULE) String code,
            @BeanParam @Valid EmployeeListParams list) {
        list.describe(trail);
        EmployeeOrder order = list.order();
        return compliance.unitEmployees(code, list.year(), list.filter(), order, list.after(order), list.limit(),
                list.live());
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/summary/employees")
    @Audited("compliance.employees.read")
    @Operation(summary = "List the employees of the whole organisation with their figures",
            description = "As a unit's list, over every employee in service in the year whatever their unit; for a "
                    + "token naming some units, over those units' subtrees together (each employee once), as the "
                    + "summary counts them. Sorted by total JP or name, with keyset pagination. For a closed year, the "
                    + "rows of the whole closing (or, for a token of one unit, of the closing holding it) unless "
                    + "view=live.")
    @APIResponse(responseCode = "200", description = "One page of employees",
            content = @Content(schema = @Schema(implementation = EmployeePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named")
    public EmployeePage summaryEmployees(@BeanParam @Valid EmployeeListParams list) {
        list.describe(trail);
        EmployeeOrder order = list.order();
        return compliance.organisationEmployees(list.year(), list.filter(), order, list.after(order), list.limit(),
                list.live());
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/summary")
    @Operation(summary = "Get the whole organisation's compliance in a year",
            description = "The figures of every employee in service in the year, and of each top-level unit over its "
                    + "subtree: the entry point of a dashboard. For a token naming some units, the figures of those "
                    + "units' subtrees together (each employee once) and of each named unit over its subtree. For a "
                    + "closed year, the whole closing's figures (for a token of one unit, the closing's figures of "
                    + "that unit) unless view=live; a token of several units gets live figures naming the closing.")
    @APIResponse(responseCode = "200", description = "The organisation's figures and its top-level units'",
            content = @Content(schema = @Schema(implementation = SummaryResponse.class)))
    @APIResponse(responseCode = "400", description = "The year is not from 2000 to 2100, or view is neither closed "
            + "nor live")
    public SummaryResponse summary(
            @Valid @BeanParam FiguresViewParam year) {
        return compliance.summary(year.year(), year.live());
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/units/{code}/breakdown")
    @Operation(summary = "Break down the JP of a unit's subtree in a year",
            description = "The recognized JP of the employees counting in the unit or any unit below it, by method "
                    + "(klasikal / nonklasikal), competency type and delivery mode, and how many of them fall in each "
                    + "band of total JP (0-5, 5-10, 10-15, 15-20, 20-40, 40 and more): the charts of a dashboard Always the live figures, closed year or not.")
    @APIResponse(responseCode = "200", description = "The unit's breakdown",
            content = @Content(schema = @Schema(implementation = JpBreakdownResponse.class)))
    @APIResponse(responseCode = "400", description = "The code has a control character, or the year is not from 2000 "
            + "to 2100")
    @APIResponse(responseCode = "404",
            description = "No unit with this code is known to reporting, or it is outside the units the token names")
    public JpBreakdownResponse unitBreakdown(
            @Parameter(description = "The unit's code") @PathParam("code")
            @Pattern(regexp = UNIT_CODE, message = UNIT_CODE_RULE) String code,
            @Valid @BeanParam YearParam year) {
        return compliance.breakdown(code, year.year());
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/summary/breakdown")
    @Operation(summary = "Break down the whole organisation's JP in a year",
            description = "As a unit's breakdown, over every employee in service in the year; for a token naming some "
                    + "units, over those units' subtrees together (each employee once), as the summary counts them Always the live figures, closed year or not.")
    @APIResponse(responseCode = "200", description = "The organisation's breakdown",
            content = @Content(schema = @Schema(implementation = JpBreakdownResponse.class)))
    @APIResponse(responseCode = "400", description = "The year is not from 2000 to 2100")
    public JpBreakdownResponse summaryBreakdown(
            @Valid @BeanParam YearParam year) {
        return compliance.breakdown(null, year.year());
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/years")
    @Operation(summary = "List the training years reported on",
            description = "The current training year (Asia/Jakarta) and every year from it back to the first year "
                    + "reported on (jpledger.reporting.first-year): the years a dashboard offers.")
    @APIResponse(responseCode = "200", description = "The years, newest first",
            content = @Content(schema = @Schema(implementation = YearsResponse.class)))
    public YearsResponse years() {
        return compliance.years();
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/freshness")
    @Operation(summary = "Tell whether the compliance figures are current",
            description = "The time the figures are as of, the ledger's events not applied yet, and whether the "
                    + "figures are stale (a dashboard shows a warning then). Asks Kafka for its log ends, waiting at "
                    + "most jpledger.consumer.broker-timeout; when it does not answer, the pending events are unknown and "
                    + "the figures are called stale.")
    @APIResponse(responseCode = "200", description = "How current the figures are",
            content = @Content(schema = @Schema(implementation = FreshnessResponse.class)))
    public FreshnessResponse freshness() {
        return status.freshness();
    }
}
