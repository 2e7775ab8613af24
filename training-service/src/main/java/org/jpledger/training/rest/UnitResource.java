package org.jpledger.training.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.service.UnitService;
import org.jpledger.training.service.Upserted;

/** HTTP face of the unit tree. */
@Path("/api/v1/units")
@Tag(name = "Units", description = "Organisational units (unit kerja) and their tree")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    private final UnitService units;

    public UnitResource(UnitService units) {
        this.units = units;
    }

    @PUT
    @Path("/{code}")
    @Operation(summary = "Create or update a unit",
            description = "Sets the unit's name and parent. The parent must exist and the tree must stay free of loops. "
                    + "A change creates a new version and publishes a unit event; repeating the same state changes nothing.")
    @APIResponse(responseCode = "201", description = "Unit created",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "200", description = "Unit updated, or already in this state",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid code or body; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upsert(@PathParam("code") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String code,
            @Valid @NotNull UnitRequest body) {
        return Responses.upserted(units.upsert(code, body));
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a unit", description = "The unit's current state and version.")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "404", description = "No such unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public UnitResponse get(@PathParam("code") String code) {
        return units.get(code);
    }
}
