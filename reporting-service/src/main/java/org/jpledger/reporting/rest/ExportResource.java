package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.export.ExportKind;
import org.jpledger.reporting.export.ExportLayout;
import org.jpledger.reporting.export.ExportPlanner;
import org.jpledger.reporting.export.PreparedExport;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.RateLimited;
import org.jpledger.support.problem.FieldErrors;

/** HTTP face of the on-demand exports: CSV or XLSX files streamed from one consistent snapshot. */
@Path("/api/v1/exports")
@Tag(name = "Exports", description = "Compliance, unit and training-history files for reports and upstream feeds")
public class ExportResource {

    /** Response header: the time of the newest ledger event in the file. */
    public static final String AS_OF = "X-JPLedger-As-Of";
    /** Response header: the number of data rows in the file. */
    public static final String ROW_COUNT = "X-JPLedger-Row-Count";
    /** Response header of the compliance and units exports: CLOSED (a closing's figures) or LIVE (rated now). */
    public static final String FIGURES = "X-JPLedger-Figures";
    /** Response header: the version of the year's standing closing, when one stands for the exported units. */
    public static final String CLOSING_VERSION = "X-JPLedger-Closing-Version";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    private final ExportPlanner planner;
    private final ExportStreams streams;
    private final AuditTrail trail;

    public ExportResource(ExportPlanner planner, ExportStreams streams, AuditTrail trail) {
        this.planner = planner;
        this.streams = streams;
        this.trail = trail;
    }

    @GET
    @Path("/compliance")
    @Produces({"text/csv", XLSX})
    @RolesAllowed(Access.REPORT_READER)
    @Audited("export.compliance")
    @RateLimited("export")
    @Operation(summary = "Export the employees' compliance in a year",
            description = "One row per employee counting in the year in the unit asked and every unit below it (by "
                    + "default the caller's units, or everything): NIP, name, unit code and name, employment type, "
                    + "position level, target, total JP, JP by competency type and by method, completion count, "
                    + "status, exempt days, leaving reason, TMT in the unit, first and last day in service in the year, "
                    + "expected JP to date, the policy's version and unit, whether a closing of the year stands and "
                    + "its version. The same figures as the compliance API, read in one snapshot; with lang=id coded "
                    + "values by their Indonesian names, each followed by its code.")
    @APIResponse(responseCode = "200", description = "The file, streamed; headers " + AS_OF + " and " + ROW_COUNT
            + " say what it holds, and so does its trailer row (CSV) or second sheet (XLSX)",
            headers = {@Header(name = AS_OF, description = "Time of the newest ledger event in the data"),
                @Header(name = ROW_COUNT, description = "Number of data rows"),
                @Header(name = FIGURES, description = "LIVE: the rows are rated now (a closed year's too, for now); "
                        + "CLOSED: a closing's figures. Also in the trailer row or the info sheet"),
                @Header(name = CLOSING_VERSION, description = "The version of the year's standing closing covering "
                        + "the exported units; absent when none stands")},
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, description = "RFC 4180 CSV, UTF-8")),
                @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                        .enums.SchemaType.STRING, format = "binary", description = "Excel workbook"))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named")
    @APIResponse(responseCode = "404", description = "No unit with this code is known to reporting, or it is "
            + "outside the units the token names")
    @APIResponse(responseCode = "429", description = "You have made too many exports lately, or too many exports "
            + "are streaming at once; retry after the Retry-After header's seconds")
    public Response compliance(
            @Valid @BeanParam YearParam year,
            @Parameter(description = "Unit whose subtree is exported; the caller's units when absent")
            @QueryParam("unitCode")
            @Pattern(regexp = ComplianceResource.UNIT_CODE, message = ComplianceResource.UNIT_CODE_RULE) String unitCode,
            @Parameter(description = "Only employees of this status: COMPLIANT, ON_TRACK, AT_RISK, NOT_MET or EXEMPT")
            @QueryParam("status") String status,
            @BeanParam ExportLayoutParams file) {
        FieldErrors errors = new FieldErrors();
        ComplianceStatus wanted = status(status, errors);
        ExportLayout layout = file.layout(errors);
        errors.throwIfAny();
        return stream(ExportKind.COMPLIANCE, year.year(), unitCode, wanted, null, null, layout);
    }

    @GET
    @Path("/units")
    @Produces({"text/csv", XLSX})
    @RolesAllowed(Access.REPORT_READER)
    @Audited("export.units")
    @RateLimited("export")
    @Operation(summary = "Export the units' figures in a year",
            description = "One row per unit of the subtree asked (by default the caller's units, or every unit), with "
                    + "its parent and its figures rolled up over its own subtree: headcount, compliant, on track, at "
                    + "risk, not met, compliance rate, total and average JP.")
    @APIResponse(responseCode = "200", description = "The file, streamed; headers " + AS_OF + " and " + ROW_COUNT
            + " say what it holds, and so does its trailer row (CSV) or second sheet (XLSX)",
            headers = {@Header(name = AS_OF, description = "Time of the newest ledger event in the data"),
                @Header(name = ROW_COUNT, description = "Number of data rows"),
                @Header(name = FIGURES, description = "LIVE: the rows are rated now (a closed year's too, for now); "
                        + "CLOSED: a closing's figures. Also in the trailer row or the info sheet"),
                @Header(name = CLOSING_VERSION, description = "The version of the year's standing closing covering "
                        + "the exported units; absent when none stands")},
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, description = "RFC 4180 CSV, UTF-8")),
                @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                        .enums.SchemaType.STRING, format = "binary", description = "Excel workbook"))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named")
    @APIResponse(responseCode = "404", description = "No unit with this code is known to reporting, or it is "
            + "outside the units the token names")
    @APIResponse(responseCode = "429", description = "You have made too many exports lately, or too many exports "
            + "are streaming at once; retry after the Retry-After header's seconds")
    public Response units(
            @Valid @BeanParam YearParam year,
            @Parameter(description = "Unit whose subtree is exported; the caller's units when absent")
            @QueryParam("unitCode")
            @Pattern(regexp = ComplianceResource.UNIT_CODE, message = ComplianceResource.UNIT_CODE_RULE) String unitCode,
            @BeanParam ExportLayoutParams file) {
        FieldErrors errors = new FieldErrors();
        ExportLayout layout = file.layout(errors);
        errors.throwIfAny();
        return stream(ExportKind.UNITS, year.year(), unitCode, null, null, null, layout);
    }

    @GET
    @Path("/training-history")
    @Produces({"text/csv", XLSX})
    @RolesAllowed(Access.REPORT_READER)
    @Audited("export.training-history")
    @RateLimited("export")
    @Operation(summary = "Export the counted completions as the national training history",
            description = "One row per counted (not voided) completion ending in the date range, of employees of the "
                    + "unit asked (by default the caller's units, or everyone), in the shape of the national HR "
                    + "system's training history: NIP, name, unit, training kind id and name, title, provider, "
                    + "certificate number, start and end dates, year, hours (JP × the year's minutes per JP) and JP.")
    @APIResponse(responseCode = "200", description = "The file, streamed; headers " + AS_OF + " and " + ROW_COUNT
            + " say what it holds, and so does its trailer row (CSV) or second sheet (XLSX)",
            headers = {@Header(name = AS_OF, description = "Time of the newest ledger event in the data"),
                @Header(name = ROW_COUNT, description = "Number of data rows")},
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi
                    .annotations.enums.SchemaType.STRING, description = "RFC 4180 CSV, UTF-8")),
                @Content(mediaType = XLSX, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                        .enums.SchemaType.STRING, format = "binary", description = "Excel workbook"))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named")
    @APIResponse(responseCode = "404", description = "No unit with this code is known to reporting, or it is "
            + "outside the units the token names")
    @APIResponse(responseCode = "429", description = "You have made too many exports lately, or too many exports "
            + "are streaming at once; retry after the Retry-After header's seconds")
    public Response trainingHistory(
            @Parameter(description = "Earliest end date (YYYY-MM-DD); 1 January of the current year when absent")
            @QueryParam("from") String from,
            @Parameter(description = "Latest end date (YYYY-MM-DD); today when absent") @QueryParam("to") String to,
            @Parameter(description = "Unit whose employees are exported; the caller's units when absent")
            @QueryParam("unitCode")
            @Pattern(regexp = ComplianceResource.UNIT_CODE, message = ComplianceResource.UNIT_CODE_RULE) String unitCode,
            @BeanParam ExportLayoutParams file) {
        FieldErrors errors = new FieldErrors();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add("from", "must not be after to");
        }
        ExportLayout layout = file.layout(errors);
        errors.throwIfAny();
        return stream(ExportKind.TRAINING_HISTORY, null, unitCode, null, start, end, layout);
    }

    private Response stream(ExportKind kind, Integer year, String unitCode, ComplianceStatus status, LocalDate from,
            LocalDate to, ExportLayout layout) {
        trail.unit(unitCode);
        PreparedExport export = planner.prepare(kind, year, unitCode, status, from, to, layout);
        StreamingOutput body = streams.body(export);
        trail.detail("format", layout.format().extension()).detail("filters", export.filter().describe(kind))
                .detail("rows", export.rows());
        Response.ResponseBuilder response = Response.ok(body, layout.format().mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .header(AS_OF, export.asOf() == null ? "" : export.asOf().toString())
                .header(ROW_COUNT, export.rows());
        if (export.figures() != null) {
            response.header(FIGURES, export.figures().text());
            if (export.figures().closingVersion() != null) {
                response.header(CLOSING_VERSION, export.figures().closingVersion());
            }
        }
        return response.build();
    }

    private static ComplianceStatus status(String status, FieldErrors errors) {
        if (status == null) {
            return null;
        }
        try {
            ComplianceStatus value = ComplianceStatus.valueOf(status);
            if (value != ComplianceStatus.NOT_EMPLOYED) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add("status", "must be one of COMPLIANT, ON_TRACK, AT_RISK, NOT_MET, EXEMPT");
        return null;
    }

    /** A date parameter, YYYY-MM-DD from 1900 to 9999; null when absent or invalid (then named in {@code errors}). */
    public static LocalDate date(String field, String value, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(field, "must be a date YYYY-MM-DD");
            return null;
        }
        // The ledger's dates are from 1900 to 9999 (training-service refuses others); PostgreSQL's calendar ends in year
        // 5874897, so a later date would fail at the database instead of being named.
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            errors.add(field, "must be a date from " + EARLIEST_DATE + " to " + LATEST_DATE);
            return null;
        }
        return date;
    }
}
