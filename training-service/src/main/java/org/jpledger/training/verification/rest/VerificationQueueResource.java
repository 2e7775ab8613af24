package org.jpledger.training.verification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.training.verification.service.VerificationQueue;

/** HTTP face of the verifier's queue: what waits for a decision in the caller's units, and how much per unit. */
@Path("/api/v1/verification/queue")
@Tag(name = "Verification", description = "Checking reported training before it counts")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationQueueResource {

    private final VerificationQueue queue;

    public VerificationQueueResource(VerificationQueue queue) {
        this.queue = queue;
    }

    @GET
    @RolesAllowed({Access.TRAINING_VERIFIER, Access.TRAINING_READER})
    @Operation(summary = "List the completions waiting for a verifier",
            description = "Active completions not yet decided (SUBMITTED) or flagged POSSIBLE_DUPLICATE, of employees "
                    + "currently in the units the token names, oldest first (by when they were recorded). unitCode "
                    + "narrows to that unit's subtree; a unit outside the token's units gives an empty page. "
                    + "Keyset-paginated: pass nextCursor as cursor for the next page; a decided completion leaves the "
                    + "queue without disturbing the pages after it. The certificates and the possible duplicates of "
                    + "an item are read from GET /api/v1/completions/{id}/certificates and /duplicates.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = QueuePageResponse.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    public QueuePageResponse list(
            @Parameter(description = "Only employees currently in this unit or below it") @QueryParam("unitCode")
            String unitCode,
            @Parameter(description = "Only this national training kind (1-25)") @QueryParam("kindId") String kindId,
            @Parameter(description = "Only completions reported by this system") @QueryParam("sourceSystem")
            String sourceSystem,
            @Parameter(description = "Only completions carrying this flag: IMPLAUSIBLE_JP_PER_DAY or "
                    + "POSSIBLE_DUPLICATE") @QueryParam("flag") String flag,
            @Parameter(description = "Page size: a whole number from 1 to 100, 50 when absent",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page; absent for the first page")
            @QueryParam("cursor") String cursor) {
        return QueuePageResponse.from(queue.list(QueueParameters.filter(unitCode, kindId, sourceSystem, flag, limit,
                cursor)));
    }

    @GET
    @Path("/counts")
    @RolesAllowed({Access.TRAINING_VERIFIER, Access.TRAINING_READER})
    @Operation(summary = "Count the completions waiting per unit",
            description = "Without unitCode: each unit the token names (for a whole-tree token, each top unit) with "
                    + "the completions waiting in its whole subtree. With unitCode: that unit's own employees (own) "
                    + "and each of its direct children with their subtrees, so a coordinator walks down to where the "
                    + "work is. Each count says how many of the waiting carry a flag. At most "
                    + VerificationQueue.MAX_UNITS + " units, in code order; more says there were more.")
    @APIResponse(responseCode = "200", description = "The counts",
            content = @Content(schema = @Schema(implementation = QueueCountsResponse.class)))
    @APIResponse(responseCode = "400", description = "unitCode is not a unit code")
    @APIResponse(responseCode = "404", description = "No such unit, or it is outside the units the token names")
    public QueueCountsResponse counts(
            @Parameter(description = "The unit whose own employees and children to count; absent for the top")
            @QueryParam("unitCode") String unitCode) {
        FieldErrors errors = new FieldErrors();
        String unit = QueueParameters.unitCode(unitCode, errors);
        errors.throwIfAny();
        return QueueCountsResponse.from(queue.counts(unit));
    }
}
