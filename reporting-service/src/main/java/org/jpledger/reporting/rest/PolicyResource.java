package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.api.PolicyResponse;
import org.jpledger.reporting.service.PolicyService;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;

/** HTTP face of the yearly compliance policies. */
@Path("/api/v1/policies/{year}")
@Tag(name = "Policies", description = "The JP target and its rules, per training year")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;
    private final AuditTrail trail;

    public PolicyResource(PolicyService policies, AuditTrail trail) {
        this.policies = policies;
        this.trail = trail;
    }

    @GET
    @RolesAllowed({Access.REPORT_READER, Access.POLICY_ADMIN})
    @Operation(summary = "Get the policy of a year",
            description = "The target JP, its overrides by employment type and position level, the minutes in a JP and "
                    + "whether targets are pro-rated for employees in service for part of the year. A year without a "
                    + "stored policy answers with the defaults (20 JP, 45 minutes, pro-rated) and isDefault true.")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "The year is not a number from 2000 to 2100")
    public PolicyResponse get(@Parameter(description = "Training year", example = "2026") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year) {
        return policies.get(year);
    }

    @PUT
    @RolesAllowed(Access.POLICY_ADMIN)
    @Audited("policy.replace")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the policy of a year",
            description = "Replaces the policy of the year as a whole (absent overrides are removed, absent "
                    + "minutesPerJp and prorate take their defaults). Takes effect on the next compliance query: "
                    + "targets and statuses are computed when asked, nothing is replayed. Sending the same policy "
                    + "again changes nothing.")
    @APIResponse(responseCode = "201", description = "Stored for a year that had none",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid year or body; nothing changed")
    public Response put(@Parameter(description = "Training year", example = "2026") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @Valid @NotNull PolicyRequest body) {
        trail.id(year.toString()).detail("targetJp", body.targetJp());
        PolicyService.Stored stored = policies.put(year, body.terms());
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(stored.policy()).build();
    }
}
