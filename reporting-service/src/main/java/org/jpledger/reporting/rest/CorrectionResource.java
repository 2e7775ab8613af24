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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.api.CorrectionPage;
import org.jpledger.reporting.service.CorrectionQueryService;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.paging.PageSize;

/** HTTP face of a closed year's late corrections. */
@Path("/api/v1/years/{year}/corrections")
@Tag(name = "Years", description = "Training years, their closings and the snapshots of closed figures")
@Produces(MediaType.APPLICATION_JSON)
public class CorrectionResource {

    static final String YEAR_RANGE = "must be a year from 2000 to 2100";

    private final CorrectionQueryService corrections;

    public CorrectionResource(CorrectionQueryService corrections) {
        this.corrections = corrections;
    }

    @GET
    @RolesAllowed({Access.REPORT_READER, Access.POLICY_ADMIN, Access.ADMIN})
    @Audited("years.corrections.read")
    @Operation(summary = "List a closed year's late corrections",
            description = "Every completion recorded, amended or voided after its year was closed (an event applied "
                    + "at or beyond the standing closing's offset for its partition, of an employee the closing "
                    + "covers), newest first: what changed (completion, version, change, JP before and after), who "
                    + "and when, and the effect: the employee's status in the closing and now, and their unit's "
                    + "headcount, compliant and total JP in the closing and now. Only the corrections of employees "
                    + "counting in the token's units (in the closing's tree), and of standing closings: a reopened "
                    + "closing's corrections are no longer listed.")
    @APIResponse(responseCode = "200", description = "One page of corrections",
            content = @Content(schema = @Schema(implementation = CorrectionPage.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named")
    @APIResponse(responseCode = "404",
            description = "No unit with this code is known to reporting, or it is outside the units the token names")
    public CorrectionPage corrections(
            @Parameter(description = "The training year", example = "2025") @PathParam("year")
            @Min(value = 2000, message = YEAR_RANGE) @Max(value = 2100, message = YEAR_RANGE) int year,
            @Parameter(description = "Only corrections of employees counting in this unit's subtree (in the closing's "
                    + "tree)") @QueryParam("unitCode")
            @Pattern(regexp = ComplianceResource.UNIT_CODE, message = ComplianceResource.UNIT_CODE_RULE)
            @Size(max = 100, message = "must be at most 100 characters") String unitCode,
            @Parameter(description = "Page size, 1 to " + PageSize.LISTING_MAX + " (default 50)") @QueryParam("limit")
            @Min(value = 1, message = PageSize.LISTING_RULE) @Max(value = PageSize.LISTING_MAX,
                    message = PageSize.LISTING_RULE) Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("after")
            @Size(max = 500, message = "must be at most 500 characters") String after) {
        return corrections.list(year, unitCode, after, limit == null ? PageSize.LISTING.standard() : limit);
    }
}
