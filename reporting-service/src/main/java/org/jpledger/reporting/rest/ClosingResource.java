package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.api.ClosingResponse;
import org.jpledger.reporting.api.YearStatesResponse;
import org.jpledger.reporting.api.YearsResponse;
import org.jpledger.reporting.closing.ClosingService;
import org.jpledger.reporting.service.ComplianceQueryService;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.RateLimited;

/** HTTP face of closing training years: the closing and its snapshot, reopening, and the years' states. */
@Path("/api/v1/years")
@Tag(name = "Years", description = "Training years, their closings and the snapshots of closed figures")
@Produces(MediaType.APPLICATION_JSON)
public class ClosingResource {

    /** The header carrying a downloaded closing file's SHA-256 (hex), as its manifest records it. */
    static final String SHA256_HEADER = "X-JPLedger-Sha256";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ClosingService closings;
    private final ComplianceQueryService compliance;
    private final AuditTrail trail;

    public ClosingResource(ClosingService closings, ComplianceQueryService compliance, AuditTrail trail) {
        this.closings = closings;
        this.compliance = compliance;
        this.trail = trail;
    }

    @GET
    @RolesAllowed({Access.REPORT_READER, Access.POLICY_ADMIN, Access.ADMIN})
    @Operation(summary = "List the training years with their states and closings",
            description = "The years GET /api/v1/compliance/years gives, newest first, each OPEN, CLOSED (a "
                    + "whole-organisation closing stands) or REOPENED (it was closed and no closing of it stands), "
                    + "with the closings standing (unit subtrees closed show here while the year stays OPEN) and "
                    + "every closing of the year.")
    @APIResponse(responseCode = "200", description = "The years",
            content = @Content(schema = @Schema(implementation = YearStatesResponse.class)))
    public YearStatesResponse years() {
        YearsResponse years = compliance.years();
        return new YearStatesResponse(years.current(), closings.states(years.years()));
    }

    @POST
    @Path("{year}/closing")
    @RolesAllowed(Access.POLICY_ADMIN)
    @Audited("year.close")
    @RateLimited("closing")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Close a training year",
            description = "Closes the year for the whole organisation (no unitCode; a token for every unit) or for "
                    + "a unit's subtree (a token for that unit or one above it). Writes a snapshot of every employee's "
                    + "and unit's figures of the scope, rated as at the end of 31 December with the year's policies "
                    + "now, taken under the projection lock with the consumer's offsets, and answers its manifest. "
                    + "A year can be closed once it is over (Asia/Jakarta). While the closing stands, the policies "
                    + "it covers cannot change. One closing is written at a time.")
    @APIResponse(responseCode = "201", description = "Closed; the manifest",
            content = @Content(schema = @Schema(implementation = ClosingResponse.class)))
    @APIResponse(responseCode = "400", description = "The year is not over, the note is missing or longer than "
            + ClosingService.MAX_TEXT + " characters, or the unit code is invalid; each is named")
    @APIResponse(responseCode = "403", description = "The token's units do not cover the scope")
    @APIResponse(responseCode = "404", description = "No unit with this code is known to reporting")
    @APIResponse(responseCode = "409", description = "A standing closing covers the scope, a unit inside it or an "
            + "ancestor (it is named), or another closing is being written")
    @APIResponse(responseCode = "429", description = "You have made too many expensive calls lately")
    public Response close(@Parameter(description = "Training year", example = "2025") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @NotNull ClosingRequest body) {
        trail.id(year + (body.unitCode() == null ? "" : "/" + body.unitCode()));
        ClosingResponse closing = closings.close(new ClosingService.Close(year, body.unitCode(), body.note()));
        trail.detail("version", closing.version());
        return Response.status(Response.Status.CREATED).entity(closing).build();
    }

    @POST
    @Path("{year}/closing/reopen")
    @RolesAllowed(Access.ADMIN)
    @Audited("year.reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reopen a year's closing",
            description = "Marks the standing closing of the year and scope (no unitCode: the whole organisation's) "
                    + "reopened, with the reason; it stays readable, and closing again writes the next version.")
    @APIResponse(responseCode = "200", description = "Reopened; the closing",
            content = @Content(schema = @Schema(implementation = ClosingResponse.class)))
    @APIResponse(responseCode = "400", description = "The reason is missing or longer than "
            + ClosingService.MAX_TEXT + " characters, or the unit code is invalid")
    @APIResponse(responseCode = "404", description = "No closing of the year stands for this scope")
    public ClosingResponse reopen(@Parameter(description = "Training year", example = "2025") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @NotNull ClosingRequest body) {
        trail.id(year + (body.unitCode() == null ? "" : "/" + body.unitCode())).detail("reason", body.reason());
        ClosingResponse closing = closings.reopen(new ClosingService.Reopen(year, body.unitCode(), body.reason()));
        trail.detail("version", closing.version());
        return closing;
    }

    @GET
    @Path("{year}/closings")
    @RolesAllowed({Access.REPORT_READER, Access.POLICY_ADMIN, Access.ADMIN})
    @Operation(summary = "List the closings of a year",
            description = "Every closing of the year, standing or reopened, of any scope, newest first, with its "
                    + "manifest.")
    @APIResponse(responseCode = "200", description = "The closings, possibly none")
    @APIResponse(responseCode = "400", description = "The year is not a number from 2000 to 2100")
    public List<ClosingResponse> list(@Parameter(description = "Training year", example = "2025") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year) {
        return closings.ofYear(year);
    }

    @GET
    @Path("{year}/closings/{version}")
    @RolesAllowed({Access.REPORT_READER, Access.POLICY_ADMIN, Access.ADMIN})
    @Operation(summary = "Get one version of a year's closing",
            description = "The manifest of the closing of this version for the whole organisation, or for the "
                    + "subtree of unitCode.")
    @APIResponse(responseCode = "200", description = "The closing",
            content = @Content(schema = @Schema(implementation = ClosingResponse.class)))
    @APIResponse(responseCode = "400", description = "The year or version is invalid")
    @APIResponse(responseCode = "404", description = "No closing of the year has this version for this scope")
    public ClosingResponse version(@Parameter(description = "Training year", example = "2025") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @Parameter(description = "Version, from 1", example = "1") @PathParam("version")
            @Min(value = 1, message = "must be a version from 1") Integer version,
            @Parameter(description = "Root of the closed subtree; absent for the whole organisation")
            @QueryParam("unitCode") String unitCode) {
        return closings.version(year, unitCode, version);
    }

    @POST
    @Path("{year}/closings/{version}/files")
    @RolesAllowed(Access.POLICY_ADMIN)
    @Audited("year.closing-files")
    @RateLimited("closing")
    @Operation(summary = "Write a closing's export files again",
            description = "Writes the compliance and units exports of the closing's snapshot (CSV and XLSX, the "
                    + "columns of GET /api/v1/exports/compliance and /units) from its stored rows, never rating anew, "
                    + "and records them in its manifest. The bytes depend on the snapshot alone: writing them again "
                    + "gives the same SHA-256. For files a closing could not write; the caller must be able to close "
                    + "the scope.")
    @APIResponse(responseCode = "200", description = "Written; the closing with its files",
            content = @Content(schema = @Schema(implementation = ClosingResponse.class)))
    @APIResponse(responseCode = "400", description = "The year, version or unit code is invalid")
    @APIResponse(responseCode = "403", description = "The token's units do not cover the scope")
    @APIResponse(responseCode = "404", description = "No closing of the year has this version for this scope")
    @APIResponse(responseCode = "409", description = "A closing or its files are being written on this instance")
    @APIResponse(responseCode = "429", description = "You have made too many expensive calls lately")
    public ClosingResponse writeFiles(@Parameter(description = "Training year", example = "2025") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @Parameter(description = "Version, from 1", example = "1") @PathParam("version")
            @Min(value = 1, message = "must be a version from 1") Integer version,
            @Parameter(description = "Root of the closed subtree; absent for the whole organisation")
            @QueryParam("unitCode") String unitCode) {
        trail.id(year + (unitCode == null ? "" : "/" + unitCode) + "/v" + version);
        return closings.writeFiles(year, unitCode, version);
    }

    @GET
    @Path("{year}/closings/{version}/files/{name}")
    @Produces({"text/csv", XLSX})
    @RolesAllowed({Access.REPORT_READER, Access.POLICY_ADMIN, Access.ADMIN})
    @Audited("year.closing-download")
    @Operation(summary = "Download a closing's export file",
            description = "A file of the closing's manifest as written, its SHA-256 in X-JPLedger-Sha256. A subtree's "
                    + "files go to tokens whose units cover the subtree's root; a whole organisation's to tokens for "
                    + "every unit.")
    @APIResponse(responseCode = "200", description = "The file",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180 CSV, UTF-8")),
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                        description = "Excel workbook"))})
    @APIResponse(responseCode = "400", description = "The year or version is invalid")
    @APIResponse(responseCode = "404", description = "No such closing or file, or the closing's scope is outside "
            + "the units the token names")
    public Response download(@Parameter(description = "Training year", example = "2025") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @Parameter(description = "Version, from 1", example = "1") @PathParam("version")
            @Min(value = 1, message = "must be a version from 1") Integer version,
            @Parameter(description = "File name, as in the manifest") @PathParam("name") String name,
            @Parameter(description = "Root of the closed subtree; absent for the whole organisation")
            @QueryParam("unitCode") String unitCode) {
        ClosingService.ClosingDownload download = closings.file(year, unitCode, version, name);
        trail.id(name).detail("rows", download.file().rows());
        return Response.ok(download.path().toFile(), download.file().format().equals("xlsx") ? XLSX
                : "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .header(SHA256_HEADER, download.file().sha256()).build();
    }
}
