package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.api.StatusResponse;
import org.jpledger.reporting.service.StatusService;

/** HTTP face of the consumer's progress. */
@Path("/api/v1/status")
@Tag(name = "Admin", description = "Operation of the reporting-service: parked events and consumer status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    private final StatusService status;

    public StatusResource(StatusService status) {
        this.status = status;
    }

    @GET
    @RolesAllowed(Access.ADMIN)
    @Operation(summary = "Get the consumer's progress",
            description = "Per partition of the ledger's topics: the stored next offset, the broker's log end offset "
                    + "and the lag between them, when the offset last moved and the time of the newest event handled; "
                    + "then the total lag, the age of the newest event handled and whether the consumer thread runs. "
                    + "When Kafka does not answer within jpledger.consumer.broker-timeout the answer still comes, with "
                    + "the lag unknown and the reason.")
    @APIResponse(responseCode = "200", description = "The consumer's progress",
            content = @Content(schema = @Schema(implementation = StatusResponse.class)))
    public StatusResponse status() {
        return status.status();
    }
}
