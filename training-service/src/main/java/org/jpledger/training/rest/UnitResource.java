package org.jpledger.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.training.service.UnitService;
import org.jpledger.training.service.Upserted;

/** HTTP face of the unit tree. */
@Path("/api/v1/units")
@Tag(name = "Units", description = "Organisational units (unit kerja) and their tree")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    private final UnitService units;
    private final AuditTrail trail;

    public UnitResource(UnitService units, AuditTrail trail) {
        this.units = units;
        this.trail = trail;
    }

    @PUT
    @RolesAllowed(Access.ROSTER_ADMIN)
    @Audited("unit.upsert")
    @Path("/{code}")
    @Operation(summary = "Create or update a unit",
            description = "Sets the unit's name and parent. The parent must exist and the tree must stay free of loops. "
                    + "A change creates a new version and publishes a unit event; repeating the same state changes "
                    + "nothing. An existing unit and the parent must be in the units the token names; a unit without "
                    + "parent (a root) needs a token for the whole tree (units \"*\").")
    @APIResponse(responseCode = "201", description = "Unit created",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "200", description = "Unit updated, or already in this state",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid code or body; nothing changed")
    public Response upsert(@Parameter(description = "The unit's code, as the owning system assigns it")
            @PathParam("code") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String code,
            @Valid @NotNull UnitRequest body) {
        trail.unit(code);
        if (body.parentCode() != null) {
            trail.detail("parentCode", body.parentCode());
        }
        return Responses.upserted(units.upsert(code, body.toCommand()).map(UnitResponse::from));
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ROSTER_ADMIN})
    @Operation(summary = "List the children of a unit",
            description = "The units whose parent is `parent`, by code; without `parent`, the root units, or for a "
                    + "token limited to some units those units. A parent outside the units the token names has no "
                    + "children to show.")
    @APIResponse(responseCode = "200", description = "The children",
            content = @Content(schema = @Schema(implementation = UnitResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "A parent that cannot be a unit code")
    @APIResponse(responseCode = "404", description = "No unit with the parent code (for a token for the whole tree)")
    public List<UnitResponse> children(
            @Parameter(description = "Code of the parent unit; absent for the roots") @QueryParam("parent") String parent) {
        return units.children(ListParameters.unitCode("parent", parent)).stream().map(UnitResponse::from).toList();
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ROSTER_ADMIN})
    @Path("/{code}/subtree")
    @Operation(summary = "Get a unit's subtree",
            description = "The unit and every unit below it, depth first (children by code), each with its parent and its "
                    + "depth below the unit.")
    @APIResponse(responseCode = "200", description = "The subtree, the unit first",
            content = @Content(schema = @Schema(implementation = SubtreeUnitResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "A code that cannot be a unit code")
    @APIResponse(responseCode = "404", description = "No such unit, or it is outside the units the token names")
    public List<SubtreeUnitResponse> subtree(@Parameter(description = "Code of the unit at the top of the subtree")
            @PathParam("code") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String code) {
        return units.subtree(code).stream().map(SubtreeUnitResponse::from).toList();
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ROSTER_ADMIN})
    @Path("/{code}")
    @Operation(summary = "Get a unit", description = "The unit's current state and version.")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "400", description = "A code that cannot be a unit code")
    @APIResponse(responseCode = "404", description = "No such unit, or it is outside the units the token names")
    public UnitResponse get(@Parameter(description = "The unit's code")
            @PathParam("code") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String code) {
        return UnitResponse.from(units.get(code));
    }
}
