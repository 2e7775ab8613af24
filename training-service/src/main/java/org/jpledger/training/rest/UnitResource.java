package org.jpledger.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.training.service.UnitHistoryService;
import org.jpledger.training.service.UnitService;
import org.jpledger.training.service.Upserted;

/** HTTP face of the unit tree. */
@Path("/api/v1/units")
@Tag(name = "Units", description = "Organisational units (unit kerja) and their tree")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    private final UnitService units;
    private final UnitHistoryService histories;
    private final AuditTrail trail;

    public UnitResource(UnitService units, UnitHistoryService histories, AuditTrail trail) {
        this.units = units;
        this.histories = histories;
        this.trail = trail;
    }

    @PUT
    @RolesAllowed(Access.ROSTER_ADMIN)
    @Audited("unit.upsert")
    @Path("/{code}")
    @Operation(summary = "Create or update a unit",
            description = "Sets the unit's name and parent. The parent must exist and the tree must stay free of loops. "
                    + "Name and parent are effective-dated: with `effectiveDate` a different name or parent is a new "
                    + "period of the unit's history from that date (not in the future, not before the latest period; "
                    + "on the latest period's date it corrects that period); without it the latest period is corrected "
                    + "in place. The parent must exist on that date and not be dissolved while the period lasts. A "
                    + "change creates a new version and publishes a unit event with the whole history; repeating the "
                    + "same state changes nothing. An existing unit and the parent must be in the units the token "
                    + "names; a unit without parent (a root) needs a token for the whole tree (units \"*\").")
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
        if (body.effectiveDate() != null) {
            trail.detail("effectiveDate", body.effectiveDate().toString());
        }
        return Responses.upserted(units.upsert(code, body.toCommand()).map(UnitResponse::from));
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ROSTER_ADMIN})
    @Operation(summary = "List the children of a unit",
            description = "The units whose parent is `parent`, by code; without `parent`, the root units, or for a "
                    + "token limited to some units those units. A parent outside the units the token names has no "
                    + "children to show. With `asOf`, the tree as it stood on that day: the units that existed then "
                    + "(not yet dissolved, their history begun), each with the name and parent in force then.")
    @APIResponse(responseCode = "200", description = "The children",
            content = @Content(schema = @Schema(implementation = UnitResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "A parent that cannot be a unit code, or an asOf that is not a "
            + "date")
    @APIResponse(responseCode = "404", description = "No unit with the parent code (for a token for the whole tree)")
    public List<UnitResponse> children(
            @Parameter(description = "Code of the parent unit; absent for the roots") @QueryParam("parent") String parent,
            @Parameter(description = "A day (YYYY-MM-DD): the tree as it stood then; absent for today's")
            @QueryParam("asOf") String asOf) {
        return units.children(ListParameters.unitCode("parent", parent), ListParameters.date("asOf", asOf)).stream()
                .map(UnitResponse::from).toList();
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ROSTER_ADMIN})
    @Path("/{code}/subtree")
    @Operation(summary = "Get a unit's subtree",
            description = "The unit and every unit below it today, depth first (children by code), each with its "
                    + "parent, its depth below the unit and its history.")
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
    @Operation(summary = "Get a unit", description = "The unit's current state and version, its history (name and "
            + "parent over time) and, once dissolved, from when, its successor and the decision.")
    @APIResponse(responseCode = "200", description = "The unit",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "400", description = "A code that cannot be a unit code")
    @APIResponse(responseCode = "404", description = "No such unit, or it is outside the units the token names")
    public UnitResponse get(@Parameter(description = "The unit's code")
            @PathParam("code") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String code) {
        return UnitResponse.from(units.get(code));
    }

    @POST
    @RolesAllowed(Access.ROSTER_ADMIN)
    @Audited("unit.dissolve")
    @Path("/{code}/dissolution")
    @Operation(summary = "Dissolve a unit, or merge it into a successor",
            description = "From `effectiveDate` on the unit no longer exists (a dissolution, a merger, a split, a move "
                    + "to a new code); `successorCode` names the unit that takes over. Refused (409) while units still "
                    + "hang under it on or after that date (a reorganisation moves them first) and, without a "
                    + "successor, while employees are still assigned to it then. With a successor employees may stay "
                    + "assigned: reporting counts them under the successor in the years after. No employee may be "
                    + "transferred into a dissolved unit from its dissolution on. A new version and a unit event. The "
                    + "unit and the successor must be in the units the token names.")
    @APIResponse(responseCode = "200", description = "The unit, dissolved",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (a date in the future or not after the unit's first "
            + "day, a successor unknown, dissolved by then, the unit itself or succeeded by it); nothing changed")
    @APIResponse(responseCode = "404", description = "No such unit, or it is outside the units the token names")
    @APIResponse(responseCode = "409", description = "Already dissolved, or child units or employees remain")
    public UnitResponse dissolve(@Parameter(description = "The unit's code")
            @PathParam("code") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String code,
            @Valid @NotNull UnitDissolutionRequest body) {
        trail.unit(code).detail("effectiveDate", body.effectiveDate().toString()).detail("reference", body.reference());
        if (body.successorCode() != null) {
            trail.detail("successorCode", body.successorCode());
        }
        return UnitResponse.from(units.dissolve(code, body.toCommand()));
    }

    @DELETE
    @RolesAllowed(Access.ADMIN)
    @Audited("unit.dissolution.undo")
    @Path("/{code}/dissolution")
    @Operation(summary = "Undo a unit's dissolution",
            description = "Admin only: the unit exists again, without successor (a dissolution recorded in error). A "
                    + "new version and a unit event. An admin whose token names units is held to them.")
    @APIResponse(responseCode = "200", description = "The unit, existing again",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "400", description = "A code that cannot be a unit code")
    @APIResponse(responseCode = "404", description = "No such unit, or it is outside the units the token names")
    @APIResponse(responseCode = "409", description = "The unit is not dissolved")
    public UnitResponse undoDissolution(@Parameter(description = "The unit's code")
            @PathParam("code") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String code) {
        trail.unit(code);
        UnitService.DissolutionUndone undone = units.undoDissolution(code);
        trail.detail("dissolvedOn", undone.dissolvedOn().toString()).detail("successorCode", undone.successorCode())
                .detail("reference", undone.reference());
        return UnitResponse.from(undone.unit());
    }

    @PUT
    @RolesAllowed(Access.ADMIN)
    @Audited("unit.history.correct")
    @Path("/{code}/history")
    @Operation(summary = "Correct a unit's history",
            description = "Replaces the unit's history (name and parent over time) wholesale: the way to move a past "
                    + "date, e.g. the first one earlier for a reorganisation decided late with an earlier TMT, which "
                    + "the ordinary update refuses. 1-200 periods, no two on one date, none in the future or on or "
                    + "after the unit's dissolution; each parent must exist on its period's date, not be dissolved "
                    + "while the period lasts, and not make the unit its own ancestor. The latest period becomes the "
                    + "current name and parent; a change is a new version and publishes the unit with its history, and "
                    + "the history before and after and the reason are kept in the audit log. The same history again "
                    + "changes nothing. An admin whose token names units is held to them.")
    @APIResponse(responseCode = "200", description = "History replaced, or already this",
            content = @Content(schema = @Schema(implementation = UnitResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid code or body; nothing changed")
    @APIResponse(responseCode = "404", description = "No such unit, or it is outside the units the token names")
    public UnitResponse correctHistory(@Parameter(description = "The unit's code")
            @PathParam("code") @Pattern(regexp = UnitCodes.PATTERN, message = UnitCodes.MESSAGE) String code,
            @Valid @NotNull UnitHistoryCorrectionRequest body) {
        trail.unit(code).detail("reason", body.reason());
        UnitHistoryService.Corrected corrected = histories.correct(code, body.toCommand());
        trail.detail("before", audited(corrected.before())).detail("after", audited(corrected.after().history()));
        return UnitResponse.from(corrected.after());
    }

    /** A history as the audit log keeps it: plain text values. */
    private static List<Map<String, String>> audited(List<UnitPeriod> history) {
        return history.stream().map(p -> {
            Map<String, String> period = new LinkedHashMap<>();
            period.put("effectiveFrom", p.effectiveFrom().toString());
            period.put("name", p.name());
            period.put("parentCode", p.parentCode());
            return period;
        }).toList();
    }
}
