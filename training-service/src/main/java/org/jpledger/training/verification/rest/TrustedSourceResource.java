package org.jpledger.training.verification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.training.rest.UnitCodes;
import org.jpledger.training.verification.service.TrustedSourceService;

/** HTTP face of the trusted-source configuration: which source systems each unit subtree trusts. */
@Path("/api/v1/verification/trusted-sources")
@Tag(name = "Verification", description = "Checking reported training before it counts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TrustedSourceResource {

    private final TrustedSourceService trust;
    private final AuditTrail trail;

    public TrustedSourceResource(TrustedSourceService trust, AuditTrail trail) {
        this.trust = trust;
        this.trail = trail;
    }

    @GET
    @RolesAllowed({Access.ADMIN, Access.POLICY_ADMIN, Access.TRAINING_VERIFIER})
    @Operation(summary = "List trusted sources",
            description = "Every unit that trusts some source system, by unit code. A completion recorded from a "
                    + "source system trusted by the employee's unit or a unit above it is AUTO_VERIFIED. The list is "
                    + "the organisation's configuration and is shown whole, whatever units the token names.")
    @APIResponse(responseCode = "200", description = "The trusted sources of every unit that has some",
            content = @Content(schema = @Schema(implementation = TrustedSourcesResponse.class,
                    type = SchemaType.ARRAY)))
    public List<TrustedSourcesResponse> list() {
        return trust.list().stream().map(TrustedSourcesResponse::from).toList();
    }

    @PUT
    @RolesAllowed(Access.ADMIN)
    @Audited("verification.trusted-sources.replace")
    @Path("/{unitCode}")
    @Operation(summary = "Replace a unit's trusted sources",
            description = "Sets the source systems the unit and every unit below it trust, replacing its list. The "
                    + "change applies to completions recorded afterwards (on another instance of the service within a "
                    + "minute); completions already recorded keep their verification state. Audited with the list "
                    + "before and after.")
    @APIResponse(responseCode = "200", description = "The unit's list as it now is",
            content = @Content(schema = @Schema(implementation = TrustedSourcesResponse.class)))
    @APIResponse(responseCode = "400", description = "A code that cannot be a unit code, or an invalid list (more "
            + "than " + TrustedSourcesRequest.MAX + " entries, a blank or too long entry, an entry twice); nothing "
            + "changed")
    @APIResponse(responseCode = "404", description = "No such unit")
    public TrustedSourcesResponse replace(@Parameter(description = "Code of the unit at the top of the subtree")
            @PathParam("unitCode") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String unitCode,
            @Valid @NotNull TrustedSourcesRequest body) {
        trail.unit(unitCode);
        TrustedSourceService.Replaced replaced = trust.replace(unitCode, body.distinct());
        trail.detail("before", replaced.before()).detail("after", replaced.after().sourceSystems());
        return TrustedSourcesResponse.from(replaced.after());
    }

    @DELETE
    @RolesAllowed(Access.ADMIN)
    @Audited("verification.trusted-sources.delete")
    @Path("/{unitCode}")
    @Operation(summary = "Remove a unit's trusted sources",
            description = "The unit trusts no source system of its own any more (units above it may still). Applies "
                    + "like a replacement; audited with the list before.")
    @APIResponse(responseCode = "204", description = "Removed (or there was none)")
    @APIResponse(responseCode = "400", description = "A code that cannot be a unit code")
    @APIResponse(responseCode = "404", description = "No such unit")
    public void delete(@Parameter(description = "Code of the unit at the top of the subtree")
            @PathParam("unitCode") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String unitCode) {
        trail.unit(unitCode);
        trail.detail("before", trust.clear(unitCode)).detail("after", List.of());
    }
}
