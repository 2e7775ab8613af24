package org.jpledger.training.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.service.CompletionService;
import org.jpledger.training.service.Upserted;

/** HTTP face of training completions. */
@Path("/api/v1/completions")
@Tag(name = "Completions", description = "Training completions and the JP they count for")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompletionResource {

    private final CompletionService completions;

    public CompletionResource(CompletionService completions) {
        this.completions = completions;
    }

    @POST
    @Operation(summary = "Record a training completion",
            description = "Records one completion of a registered employee and publishes it. The method (klasikal or "
                    + "nonklasikal) follows from the kind; the recognised JP follows the Perlan 10/2018 rules. "
                    + "(sourceSystem, externalId) is the idempotency key: repeating the same request returns the first "
                    + "record with 200; reusing the key for other content is a 409.")
    @APIResponse(responseCode = "201", description = "Completion recorded",
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded by an earlier identical request",
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; nothing recorded",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The idempotency key was used for different content",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid @NotNull CompletionRequest body, @Context UriInfo uri) {
        Upserted<CompletionResponse> result = completions.record(body);
        return Responses.recorded(result, uri.getAbsolutePathBuilder().path(result.body().id().toString()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a completion", description = "One recorded completion by its id.")
    @APIResponse(responseCode = "200", description = "The completion",
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such completion",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionResponse get(@PathParam("id") UUID id) {
        return completions.get(id);
    }
}
