package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
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
@Tag(name = "Policies", description = "The JP target and its rules, per training year, national or per unit subtree")
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
                    + "settings take their defaults). The target is given in JP or in hours (converted with the "
                    + "year's reference minutes per JP, rounded up); minutesPerJp is national reference data and a "
                    + "different value is refused. Takes effect on the next compliance query: "
                    + "targets and statuses are computed when asked, nothing is replayed. Sending the same policy "
                    + "again changes nothing.")
    @APIResponse(responseCode = "201", description = "Stored for a year that had none",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid year or body; nothing changed")
    @APIResponse(responseCode = "409", description = "A standing closing of the year covers this policy (it is named)")
    public Response put(@Parameter(description = "Training year", example = "2026") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @Valid @NotNull PolicyRequest body) {
        audit(trail.id(year.toString()), body);
        return answer(policies.put(year, body.terms(year)));
    }

    @GET
    @Path("units")
    @RolesAllowed({Access.REPORT_READER, Access.POLICY_ADMIN})
    @Operation(summary = "List the unit policies of a year",
            description = "The policies stored for unit subtrees in the year, by unit code (at most "
                    + PolicyService.MAX_UNIT_POLICIES_PER_YEAR + "). An employee-year is rated by the policy of the "
                    + "nearest ancestor-or-self of its unit that has one, else by the national policy.")
    @APIResponse(responseCode = "200", description = "The unit policies, possibly none")
    @APIResponse(responseCode = "400", description = "The year is not a number from 2000 to 2100")
    public List<PolicyResponse> listOfUnits(@Parameter(description = "Training year", example = "2026")
            @PathParam("year") @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year) {
        return policies.listOfUnits(year);
    }

    @GET
    @Path("units/{code}")
    @RolesAllowed({Access.REPORT_READER, Access.POLICY_ADMIN})
    @Operation(summary = "Get the policy of a unit's subtree",
            description = "The policy stored for the unit itself in the year (not one inherited from an ancestor).")
    @APIResponse(responseCode = "200", description = "The policy",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "The year is not a number from 2000 to 2100")
    @APIResponse(responseCode = "404", description = "The unit has no policy of its own in the year")
    public PolicyResponse getOfUnit(@Parameter(description = "Training year", example = "2026") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @Parameter(description = "Unit code", example = "PEMPROV-DKI") @PathParam("code") String code) {
        return policies.getOfUnit(year, code);
    }

    @PUT
    @Path("units/{code}")
    @RolesAllowed(Access.POLICY_ADMIN)
    @Audited("policy.unit.replace")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the policy of a unit's subtree",
            description = "Replaces the policy of the unit's subtree in the year as a whole, with the same body and "
                    + "rules as the national policy. Employees of the unit and of units below it are rated by it, "
                    + "except below a unit with a policy of its own (the nearest one wins). The unit must be known to "
                    + "reporting; a year holds at most " + PolicyService.MAX_UNIT_POLICIES_PER_YEAR
                    + " unit policies. Sending the same policy again changes nothing.")
    @APIResponse(responseCode = "201", description = "Stored for a unit that had none in the year",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "200", description = "Replaced (or unchanged)",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid year or body; nothing changed")
    @APIResponse(responseCode = "404", description = "No unit with this code is known to reporting")
    @APIResponse(responseCode = "409", description = "The year already holds the most unit policies it may, or a "
            + "standing closing of the year covers this policy (it is named)")
    public Response putOfUnit(@Parameter(description = "Training year", example = "2026") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @Parameter(description = "Unit code", example = "PEMPROV-DKI") @PathParam("code") String code,
            @Valid @NotNull PolicyRequest body) {
        audit(trail.id(year + "/" + code), body);
        return answer(policies.putOfUnit(year, code, body.terms(year)));
    }

    @DELETE
    @Path("units/{code}")
    @RolesAllowed(Access.POLICY_ADMIN)
    @Audited("policy.unit.delete")
    @Operation(summary = "Delete the policy of a unit's subtree",
            description = "Its employees are rated by the nearest ancestor's policy again, else the national one.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The year is not a number from 2000 to 2100")
    @APIResponse(responseCode = "404", description = "The unit has no policy of its own in the year")
    @APIResponse(responseCode = "409", description = "A standing closing of the year covers this policy (it is named)")
    public void deleteOfUnit(@Parameter(description = "Training year", example = "2026") @PathParam("year")
            @Min(value = 2000, message = YearParam.YEAR_RANGE)
            @Max(value = 2100, message = YearParam.YEAR_RANGE) Integer year,
            @Parameter(description = "Unit code", example = "PEMPROV-DKI") @PathParam("code") String code) {
        trail.id(year + "/" + code);
        policies.deleteOfUnit(year, code);
    }

    /** The target as the body states it, in JP or in hours. */
    private static void audit(AuditTrail trail, PolicyRequest body) {
        if (body.targetHours() == null) {
            trail.detail("targetJp", body.targetJp());
        } else {
            trail.detail("targetHours", body.targetHours());
        }
    }

    private static Response answer(PolicyService.Stored stored) {
        return Response.status(stored.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(stored.policy()).build();
    }
}
