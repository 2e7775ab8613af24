package org.jpledger.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.RateLimited;
import org.jpledger.training.service.RepublishService;

/** HTTP face of the republish of current state (admin). */
@Path("/api/v1/admin/republish")
@Tag(name = "Admin", description = "Administration of the record")
@Produces(MediaType.APPLICATION_JSON)
public class RepublishResource {

    private final RepublishService republish;

    public RepublishResource(RepublishService republish) {
        this.republish = republish;
    }

    @POST
    @RolesAllowed(Access.ADMIN)
    @Audited("outbox.republish")
    @RateLimited("republish")
    @APIResponse(responseCode = "429", description = "This client has made too many such calls lately; retry after "
            + "the Retry-After header's seconds")
    @Operation(summary = "Republish the current state of everything",
            description = "Emits one ordinary versioned event per unit, employee and completion with its current state "
                    + "(units, then employees, then completions), through the outbox. Use it to rebuild a consumer whose "
                    + "topic history is gone; consumers that are up to date ignore the events by version. Answers when "
                    + "all events are in the outbox; the relay publishes them after.")
    @APIResponse(responseCode = "200", description = "How many events were emitted",
            content = @Content(schema = @Schema(implementation = RepublishResponse.class)))
    public RepublishResponse republishAll() {
        return RepublishResponse.from(republish.republishAll());
    }
}
