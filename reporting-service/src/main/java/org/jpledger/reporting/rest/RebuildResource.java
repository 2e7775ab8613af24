package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.rebuild.ProjectionRebuild;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.RateLimited;

/** HTTP face of the projection rebuild. */
@Path("/api/v1/admin/rebuild")
@Tag(name = "Admin", description = "Operating the consumer and its projections")
@Produces(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final ProjectionRebuild rebuild;
    private final Clock clock;

    public RebuildResource(ProjectionRebuild rebuild, Clock clock) {
        this.rebuild = rebuild;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Access.ADMIN)
    @Audited("projection.rebuild")
    @RateLimited("rebuild")
    @APIResponse(responseCode = "429", description = "This client has made too many such calls lately; retry after "
            + "the Retry-After header's seconds")
    @Operation(summary = "Rebuild the projections from the topics",
            description = "Replays both topics from their earliest offsets into fresh tables while the live consumer "
                    + "and every query go on with the current ones; then, in one transaction, brings the replay exactly "
                    + "to the live consumer's offsets and swaps the tables (offsets included), so consumption continues "
                    + "where it was. Runs in the background: follow it with GET. Policies are kept; parked events are "
                    + "those the replay parks. After topic retention removed old events, first have training-service "
                    + "republish (POST /api/v1/admin/republish there).")
    @APIResponse(responseCode = "202", description = "Started",
            content = @Content(schema = @Schema(implementation = RebuildResponse.class)))
    @APIResponse(responseCode = "409", description = "A rebuild, or a verification of a closing, is already running")
    public Response start() {
        return Response.accepted(RebuildResponse.of(rebuild.start(), clock.instant())).build();
    }

    @GET
    @RolesAllowed(Access.ADMIN)
    @Operation(summary = "Follow the projection rebuild",
            description = "The state of the latest rebuild started on this instance, the events replayed and the rate.")
    @APIResponse(responseCode = "200", description = "The rebuild's progress",
            content = @Content(schema = @Schema(implementation = RebuildResponse.class)))
    public RebuildResponse progress() {
        return RebuildResponse.of(rebuild.progress(), clock.instant());
    }
}
