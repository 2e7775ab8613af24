package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.api.ParkedEventPage;
import org.jpledger.reporting.api.RetryAllResponse;
import org.jpledger.reporting.api.RetryResponse;
import org.jpledger.reporting.service.ParkedEventService;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.paging.PageSize;

/** HTTP face of the parked events (admin): list them, retry one, retry all. */
@Path("/api/v1/admin/parked")
@Tag(name = "Admin", description = "Operation of the reporting-service: parked events and consumer status")
@Produces(MediaType.APPLICATION_JSON)
public class ParkedEventResource {

    private final ParkedEventService parkedEvents;

    public ParkedEventResource(ParkedEventService parkedEvents) {
        this.parkedEvents = parkedEvents;
    }

    @GET
    @RolesAllowed(Access.ADMIN)
    @Operation(summary = "List parked events",
            description = "Records the consumer could not apply (not JSON, unknown event type, missing fields) and set "
                    + "aside so the stream moved on, newest first: where each came from, why it is parked, its value "
                    + "(as text when it is UTF-8, else base64) and its retries. Keyset-paginated: pass nextCursor as "
                    + "cursor for the next, older page.")
    @APIResponse(responseCode = "200", description = "A page of parked events",
            content = @Content(schema = @Schema(implementation = ParkedEventPage.class)))
    @APIResponse(responseCode = "400", description = "A limit outside 1 to 500, or a cursor not from an "
            + "earlier page")
    public ParkedEventPage list(@BeanParam PageParameters page) {
        return parkedEvents.list(page.limit(PageSize.LISTING), page.position(ParkedEventService.CURSOR_KIND));
    }

    @POST
    @RolesAllowed(Access.ADMIN)
    @Audited("parked.retry")
    @Path("/{id}/retry")
    @Operation(summary = "Retry one parked event",
            description = "Reads the parked record again and applies it the way the consumer applies a fresh one, so "
                    + "versions decide: an event older than what is stored changes nothing. Applied or ignored, it is "
                    + "deleted from the parked events (the topic still holds the original); otherwise it stays parked "
                    + "with the reason of this retry and its retry count. The consumer waits while the retry runs.")
    @APIResponse(responseCode = "200", description = "The retry ran; the outcome says whether the event is still parked",
            content = @Content(schema = @Schema(implementation = RetryResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a whole number")
    @APIResponse(responseCode = "404", description = "No event is parked under this id (a retry may have applied it)")
    public RetryResponse retry(
            @Parameter(description = "Id of the parked event, as listed", example = "17") @PathParam("id") Long id) {
        return parkedEvents.retry(id);
    }

    @POST
    @RolesAllowed(Access.ADMIN)
    @Audited("parked.retry-all")
    @Path("/retry")
    @Operation(summary = "Retry every parked event",
            description = "Retries each event parked when the call starts, oldest first, as the retry of one does, "
                    + "committing page by page (jpledger.consumer.retry-page-size events per transaction; an event the "
                    + "database refuses holds back only itself). Events parked meanwhile wait for the next call. "
                    + "Answers with the counts once every page is done.")
    @APIResponse(responseCode = "200", description = "How many were retried, applied, ignored and left parked",
            content = @Content(schema = @Schema(implementation = RetryAllResponse.class)))
    public RetryAllResponse retryAll() {
        return parkedEvents.retryAll();
    }
}
