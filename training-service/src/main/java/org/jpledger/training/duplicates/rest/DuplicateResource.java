package org.jpledger.training.duplicates.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
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
import org.jpledger.training.duplicates.domain.DuplicatePair;
import org.jpledger.training.duplicates.service.DuplicateDecision;
import org.jpledger.training.duplicates.service.DuplicateResolution;
import org.jpledger.training.duplicates.service.DuplicateView;

/** HTTP face of possible duplicates: a completion's pairs, and a verifier's decision on one. */
@Path("/api/v1/completions/{id}/duplicates")
@Tag(name = "Completions", description = "Training completions and the JP they count for")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DuplicateResource {

    private static final String NOT_FOUND = "No such completion, or its employee is outside the units the token names";

    private final DuplicateResolution resolution;
    private final AuditTrail trail;

    public DuplicateResource(DuplicateResolution resolution, AuditTrail trail) {
        this.resolution = resolution;
        this.trail = trail;
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.TRAINING_VERIFIER})
    @Operation(summary = "A completion's possible duplicates",
            description = "The other completions of the same employee that looked like the same training when this one "
                    + "or they were recorded or amended (flag POSSIBLE_DUPLICATE while OPEN), oldest first, at most "
                    + DuplicateResolution.MAX_LISTED + ": the rules that matched, the state (OPEN, NOT_DUPLICATE, "
                    + "DUPLICATE) and the other completion in brief.")
    @APIResponse(responseCode = "200", description = "The pairs; empty when none",
            content = @Content(schema = @Schema(implementation = DuplicateResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public List<DuplicateResponse> list(@Parameter(description = "Id of the completion") @PathParam("id") UUID id) {
        return resolution.list(id).stream().map(DuplicateResponse::from).toList();
    }

    @POST
    @RolesAllowed(Access.TRAINING_VERIFIER)
    @Audited("completion.duplicate")
    @Path("/{otherId}")
    @Operation(summary = "Decide a possible duplicate",
            description = "NOT_DUPLICATE clears POSSIBLE_DUPLICATE on both completions (unless another open pair "
                    + "remains), each as a REVIEWED version, and the pair is never raised again. DUPLICATE voids the "
                    + "completion not kept (keep, default {id}) with voidReason DUPLICATE and duplicateOf the kept one "
                    + "(a COMPLETION_VOIDED event), and clears the kept one's flag unless another open pair remains. "
                    + "A verifier may not decide about a completion it recorded, nor about its own training.")
    @APIResponse(responseCode = "200", description = "Decided; the pair as seen from {id}",
            content = @Content(schema = @Schema(implementation = DuplicateResponse.class)))
    @APIResponse(responseCode = "400", description = "No decision, an unknown one, or keep naming neither completion; "
            + "nothing changed")
    @APIResponse(responseCode = "403", description = "The caller recorded one of the two, or is the employee")
    @APIResponse(responseCode = "404", description = NOT_FOUND + ", or the two are not a possible duplicate pair")
    @APIResponse(responseCode = "409", description = "The pair was already decided, or one of the two is voided")
    public DuplicateResponse decide(@Parameter(description = "Id of the completion") @PathParam("id") UUID id,
            @Parameter(description = "Id of the other completion of the pair") @PathParam("otherId") UUID otherId,
            @Valid @NotNull DuplicateDecisionRequest body) {
        DuplicateView decided = resolution.decide(new DuplicateDecision(id, otherId,
                DuplicatePair.State.valueOf(body.decision().name()), body.keep()));
        trail.nip(decided.other().nip()).id(id.toString()).detail("otherId", otherId)
                .detail("decision", body.decision());
        return DuplicateResponse.from(decided);
    }
}
