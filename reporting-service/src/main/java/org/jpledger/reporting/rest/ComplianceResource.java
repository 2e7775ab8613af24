package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.reporting.projection.EmployeeFilter;
import org.jpledger.reporting.projection.EmployeeOrder;
import org.jpledger.reporting.service.ComplianceQueryService;
import org.jpledger.reporting.service.StatusService;
import org.jpledger.support.problem.InvalidRequestException;

/** HTTP face of the compliance projections: per employee, per unit (drill-down), and for the whole organisation. */
@Path("/api/v1/compliance")
@Tag(name = "Compliance", description = "Who has met the year's JP duty, who is on track and who is behind")
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final String YEAR_RANGE = "must be a year from 2000 to 2100";
    /**
     * A unit code as far as a query can tell: no control characters. Codes come from the ledger's events, so none has
     * one, and PostgreSQL refuses a NUL in a text parameter: without the rule such a code failed as a 500.
     */
    static final String UNIT_CODE = "\\P{Cc}*";
    static final String UNIT_CODE_RULE = "must not contain control characters";
    static final int MAX_SEARCH = 100;

    private final ComplianceQueryService compliance;
    private final StatusService status;

    public ComplianceResource(ComplianceQueryService compliance, StatusService status) {
        this.compliance = compliance;
        this.status = status;
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/employees/{nip}")
    @Operation(summary = "Get an employee's compliance in a year",
            description = "The lesson hours (JP) recognized for the employee in the training year, broken down by "
                    + "competency type, method and delivery mode; the year's target for them, the JP expected by today "
                    + "and their status; and the completions counted. A completion counts in the year of its end date "
                    + "(Asia/Jakarta), as its latest amendment; voided ones do not count. The employee counts in the "
                    + "unit they belonged to on their last employed day of the year. Figures follow the ledger's events: "
                    + "asOf says how fresh they are.")
    @APIResponse(responseCode = "200", description = "The employee's compliance in the year",
            content = @Content(schema = @Schema(implementation = EmployeeComplianceResponse.class)))
    @APIResponse(responseCode = "400", description = "The NIP is not 18 digits, or the year is not from 2000 to 2100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No employee with this NIP is known to reporting, or in the "
            + "year they count in a unit outside the units the token names",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EmployeeComplianceResponse employeeYear(
            @Parameter(description = "The employee's 18-digit NIP", example = "198503122010012003")
            @PathParam("nip") @Pattern(regexp = "[0-9]{18}", message = "must be exactly 18 digits") String nip,
            @Parameter(description = "Training year; the current year in Asia/Jakarta when absent", example = "2026")
            @QueryParam("year") @Min(value = 2000, message = YEAR_RANGE) @Max(value = 2100, message = YEAR_RANGE)
            Integer year) {
        return compliance.employeeYear(nip, year);
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
    @APIResponse(responseCode = "400", description = "The code has a control character, or the year is not from 2000 "
            + "to 2100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404",
            description = "No unit with this code is known to reporting, or it is outside the units the token names",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitComplianceResponse unit(
            @Parameter(description = "The unit's code") @PathParam("code")
            @Pattern(regexp = UNIT_CODE, message = UNIT_CODE_RULE) String code,
            @Parameter(description = "Training year; the current year in Asia/Jakarta when absent", example = "2026")
            @QueryParam("year") @Min(value = 2000, message = YEAR_RANGE) @Max(value = 2100, message = YEAR_RANGE)
            Integer year) {
        return compliance.unit(code, year);
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/units/{code}/employees")
    @Operation(summary = "List the employees of a unit's subtree with their figures",
            description = "Every employee counting in the unit or any unit below it in the year (those with no "
                    + "training at all included), optionally of some statuses and matching a NIP or name search, sorted "
                    + "by total JP or name, with keyset pagination: pass nextCursor back as cursor, with the same sort, for the next page.")
    @APIResponse(responseCode = "200", description = "One page of employees",
            content = @Content(schema = @Schema(implementation = EmployeePage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404",
            description = "No unit with this code is known to reporting, or it is outside the units the token names",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EmployeePage unitEmployees(
            @Parameter(description = "The unit's code") @PathParam("code")
            @Pattern(regexp = UNIT_CODE, message = UNIT_CODE_RULE) String code,
            @Parameter(description = "Training year; the current year in Asia/Jakarta when absent", example = "2026")
            @QueryParam("year") @Min(value = 2000, message = YEAR_RANGE) @Max(value = 2100, message = YEAR_RANGE)
            Integer year,
            @Parameter(description = "Only employees of these statuses, comma-separated: COMPLIANT, ON_TRACK, AT_RISK, "
                    + "NOT_MET (AT_RISK,NOT_MET: those behind)")
            @QueryParam("status") String status,
            @Parameter(description = "Only employees whose NIP starts with this text (digits only) or whose name "
                    + "contains it (any other text; case ignored); at most " + MAX_SEARCH + " characters")
            @QueryParam("search") @Size(max = MAX_SEARCH, message = "must be at most " + MAX_SEARCH + " characters")
            @Pattern(regexp = UNIT_CODE, message = UNIT_CODE_RULE) String search,
            @Parameter(description = "totalJp (default, lowest first), -totalJp, name or -name")
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
            @QueryParam("limit") @Min(value = 1, message = "must be from 1 to " + MAX_LIMIT)
            @Max(value = MAX_LIMIT, message = "must be from 1 to " + MAX_LIMIT) Integer limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        EmployeeOrder order = sort == null ? EmployeeOrder.TOTAL_JP : EmployeeOrder.ofParameter(sort)
                .orElseThrow(() -> InvalidRequestException.of("sort", "must be one of " + Arrays
                        .stream(EmployeeOrder.values()).map(EmployeeOrder::parameter).collect(Collectors.joining(", "))));
        EmployeeOrder.Position after = cursor == null ? null : EmployeeCursor.decode(cursor, order);
        return compliance.unitEmployees(code, year, new EmployeeFilter(statusesOf(status), search), order, after,
                limit == null ? DEFAULT_LIMIT : limit);
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/summary")
    @Operation(summary = "Get the whole organisation's compliance in a year",
            description = "The figures of every employee in service in the year, and of each top-level unit over its "
                    + "subtree: the entry point of a dashboard. For a token naming some units, the figures of those "
                    + "units' subtrees together (each employee once) and of each named unit over its subtree.")
    @APIResponse(responseCode = "200", description = "The organisation's figures and its top-level units'",
            content = @Content(schema = @Schema(implementation = SummaryResponse.class)))
    @APIResponse(responseCode = "400", description = "The year is not from 2000 to 2100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SummaryResponse summary(
            @Parameter(description = "Training year; the current year in Asia/Jakarta when absent", example = "2026")
            @QueryParam("year") @Min(value = 2000, message = YEAR_RANGE) @Max(value = 2100, message = YEAR_RANGE)
            Integer year) {
        return compliance.summary(year);
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/units/{code}/breakdown")
    @Operation(summary = "Break down the JP of a unit's subtree in a year",
            description = "The recognized JP of the employees counting in the unit or any unit below it, by method "
                    + "(klasikal / nonklasikal), competency type and delivery mode, and how many of them fall in each "
                    + "band of total JP (0-5, 5-10, 10-15, 15-20, 20-40, 40 and more): the charts of a dashboard.")
    @APIResponse(responseCode = "200", description = "The unit's breakdown",
            content = @Content(schema = @Schema(implementation = JpBreakdownResponse.class)))
    @APIResponse(responseCode = "400", description = "The code has a control character, or the year is not from 2000 "
            + "to 2100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404",
            description = "No unit with this code is known to reporting, or it is outside the units the token names",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JpBreakdownResponse unitBreakdown(
            @Parameter(description = "The unit's code") @PathParam("code")
            @Pattern(regexp = UNIT_CODE, message = UNIT_CODE_RULE) String code,
            @Parameter(description = "Training year; the current year in Asia/Jakarta when absent", example = "2026")
            @QueryParam("year") @Min(value = 2000, message = YEAR_RANGE) @Max(value = 2100, message = YEAR_RANGE)
            Integer year) {
        return compliance.breakdown(code, year);
    }

    @GET
    @RolesAllowed(Access.REPORT_READER)
    @Path("/summary/breakdown")
    @Operation(summary = "Break down the whole organisation's JP in a year",
            description = "As a unit's breakdown, over every employee in service in the year; for a token naming some "
                    + "units, over those units' subtrees together (each employee once), as the summary counts them.")
    @APIResponse(responseCode = "200", description = "The organisation's breakdown",
            content = @Content(schema = @Schema(implementation = JpBreakdownResponse.class)))
    @APIResponse(responseCode = "400", description = "The year is not from 2000 to 2100",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public JpBreakdownResponse summaryBreakdown(
            @Parameter(description = "Training year; the current year in Asia/Jakarta when absent", example = "2026")
            @QueryParam("year") @Min(value = 2000, message = YEAR_RANGE) @Max(value = 2100, message = YEAR_RANGE)
            Integer year) {
        return compliance.breakdown(null, year);
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

    private static Set<ComplianceStatus> statusesOf(String statuses) {
        if (statuses == null) {
            return Set.of();
        }
        Set<ComplianceStatus> values = EnumSet.noneOf(ComplianceStatus.class);
        for (String status : statuses.split(",", -1)) {
            values.add(statusOf(status.strip()));
        }
        return values;
    }

    private static ComplianceStatus statusOf(String status) {
        try {
            ComplianceStatus value = ComplianceStatus.valueOf(status);
            if (value != ComplianceStatus.NOT_EMPLOYED) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw InvalidRequestException.of("status",
                "must be one or more of COMPLIANT, ON_TRACK, AT_RISK, NOT_MET, comma-separated");
    }
}
