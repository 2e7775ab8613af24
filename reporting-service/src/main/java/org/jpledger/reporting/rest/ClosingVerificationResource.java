package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.verify.ClosingNotFoundException;
import org.jpledger.reporting.verify.ClosingVerification;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.RateLimited;

/** HTTP face of the verification of a year's closing against the ledger. */
@Path("/api/v1/years/{year}/closing/verify")
@Tag(name = "Closings", description = "Closing a training year: its snapshot, reopening, and verifying it")
@Produces(MediaType.APPLICATION_JSON)
public class ClosingVerificationResource {

    private final ClosingVerification verification;
    private final Clock clock;

    public ClosingVerificationResource(ClosingVerification verification, Clock clock) {
        this.verification = verification;
        this.clock = clock;
    }

    @POST
    @RolesAllowed({Access.POLICY_ADMIN, Access.ADMIN})
    @Audited("closing.verify")
    @RateLimited("closing-verify")
    @Operation(summary = "Verify a closing against the ledger",
            description = "Replays both topics from their earliest offsets up to the offsets the closing stored, into "
                    + "fresh copies of the projection tables (schema verify) while the live consumer and every query go "
                    + "on; rates the closing's scope there with the closing's own policies and day; compares every "
                    + "employee and unit row with the snapshot (JSON equality of the answers); then drops the copies. "
                    + "Runs in the background: follow it with GET. Events the closing saw must still be in the topics "
                    + "(retention), else it ends CANNOT_VERIFY. One replay at a time per instance: refused while a "
                    + "rebuild or another verification runs.")
    @APIResponse(responseCode = "202", description = "Started; Location is where to follow it",
            content = @Content(schema = @Schema(implementation = ClosingVerificationResponse.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named")
    @APIResponse(responseCode = "404", description = "No such closing: no standing one of the year and scope, or no "
            + "such version")
    @APIResponse(responseCode = "409", description = "A rebuild or a verification is already running on this instance")
    @APIResponse(responseCode = "429", description = "This client has made too many such calls lately; retry after "
            + "the Retry-After header's seconds")
    public Response start(@Parameter(description = "Training year", example = "2025") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @Parameter(description = "Root unit of the closed subtree; absent for the whole organisation's closing")
            @QueryParam("unitCode") @Size(max = 64, message = "must be at most 64 characters")
            @Pattern(regexp = ComplianceResource.UNIT_CODE, message = ComplianceResource.UNIT_CODE_RULE)
            String unitCode,
            @Parameter(description = "Version of the closing; absent for the standing (not reopened) one")
            @QueryParam("version") @Min(value = 1, message = "must be at least 1") Integer version) {
        ClosingVerificationResponse started = ClosingVerificationResponse.of(
                verification.start(year, unitCode == null || unitCode.isEmpty() ? null : unitCode, version),
                clock.instant());
        return Response.accepted(started)
                .location(UriBuilder.fromPath("/api/v1/years/{year}/closing/verify").build(year)).build();
    }

    @GET
    @RolesAllowed({Access.POLICY_ADMIN, Access.ADMIN})
    @Operation(summary = "Follow the verification of a year's closing",
            description = "The latest verification of the year started on this instance: its state, the closing, the "
                    + "events replayed and the rate, and once compared the rows compared and the differences (the "
                    + "first 100 listed, all counted).")
    @APIResponse(responseCode = "200", description = "The verification",
            content = @Content(schema = @Schema(implementation = ClosingVerificationResponse.class)))
    @APIResponse(responseCode = "400", description = "The year is not a number from 2000 to 2100")
    @APIResponse(responseCode = "404", description = "No verification of this year was started on this instance")
    public ClosingVerificationResponse progress(@Parameter(description = "Training year", example = "2025")
            @PathParam("year") @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year) {
        return verification.latest(year).map(v -> ClosingVerificationResponse.of(v, clock.instant()))
                .orElseThrow(() -> new ClosingNotFoundException("No verification of " + year
                        + " was started on this instance; start one with POST."));
    }
}
