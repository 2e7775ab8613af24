package org.jpledger.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.RateLimited;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.training.service.CompletionBatchService;
import org.jpledger.training.service.CompletionChanges;
import org.jpledger.training.service.CompletionQueries;
import org.jpledger.training.service.CompletionService;
import org.jpledger.training.service.CompletionSnapshot;
import org.jpledger.training.service.Upserted;

/** HTTP face of training completions: record (one, a batch, a CSV file), read, amend, void, history and listing. */
@Path("/api/v1/completions")
@Tag(name = "Completions", description = "Training completions and the JP they count for")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CompletionResource {

    private static final String TOO_MANY = "This client has made too many such calls lately, or the service is busy "
            + "with as many bulk requests as it takes at once; nothing recorded; retry after the Retry-After header's "
            + "seconds";

    private final CompletionService completions;
    private final CompletionChanges changes;
    private final CompletionQueries queries;
    private final CompletionBatchService batches;
    private final AuditTrail trail;

    public CompletionResource(CompletionService completions, CompletionChanges changes, CompletionQueries queries,
            CompletionBatchService batches, AuditTrail trail) {
        this.completions = completions;
        this.changes = changes;
        this.queries = queries;
        this.batches = batches;
        this.trail = trail;
    }

    @POST
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("completion.record")
    @Operation(summary = "Record a training completion",
            description = "Records one completion of a registered employee, in service on endDate, and publishes it. The "
                    + "method (klasikal or nonklasikal) follows from the kind; the recognised JP follows the current "
                    + "recognition rule table. endDate may not be after today in the zone of the employee's unit; days "
                    + "may not exceed the days from startDate to endDate. More JP per day of that span than the method's "
                    + "ceiling is recorded and flagged IMPLAUSIBLE_JP_PER_DAY. "
                    + "(sourceSystem, externalId) and the optional Idempotency-Key header are "
                    + "idempotency keys: repeating the same request returns the first record with 200; reusing a key for "
                    + "other content is a 409 naming the first record. The employee must be in the units the token "
                    + "names: a NIP outside them is refused with 403, and for a token limited to some units so is an "
                    + "unknown NIP.")
    @APIResponse(responseCode = "201", description = "Completion recorded", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded by an earlier identical request",
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; nothing recorded")
    @APIResponse(responseCode = "409", description = "An idempotency key was used for different content")
    public Response record(@Valid @NotNull CompletionRequest body,
            @Parameter(description = "Optional client-chosen key making retries safe (at most 200 characters)")
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey,
            @Context UriInfo uri) {
        // Named before recording, so that a refused attempt is logged against the employee too.
        trail.nip(body.nip()).detail("sourceSystem", body.sourceSystem()).detail("externalId", body.externalId());
        Upserted<CompletionSnapshot> result = completions.record(body.toCommand(), idempotencyKey);
        trail.id(result.body().id().toString());
        return Responses.recorded(new Upserted<>(result.created(), CompletionResponse.from(result.body())),
                uri.getAbsolutePathBuilder().path(result.body().id().toString()).build());
    }

    @POST
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("completion.batch")
    @RateLimited("batch")
    @APIResponse(responseCode = "429", description = TOO_MANY)
    @Path("/batch")
    @Operation(summary = "Record up to " + CompletionBatchService.MAX_BATCH + " completions",
            description = "Each item is validated and recorded on its own, exactly as by POST /api/v1/completions, so one "
                    + "bad item does not sink the others. The answer lists one result per item in input order: created, "
                    + "existing (an identical earlier record, also an identical earlier item of this batch) or error with "
                    + "its problem details; an item for an employee outside the units the token names is an error with "
                    + "status 403.")
    @APIResponse(responseCode = "200", description = "One result per item",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a JSON array, empty, or more than "
            + CompletionBatchService.MAX_BATCH + " items; nothing recorded")
    public BatchResponse recordBatch(
            @RequestBody(content = @Content(schema = @Schema(implementation = CompletionRequest.class,
                    type = SchemaType.ARRAY))) @NotNull List<JsonNode> body) {
        BatchResponse result = BatchResponse.from(batches.recordBatch(body));
        long refused = result.items().stream()
                .filter(item -> item.problem() != null && item.problem().status() == 403).count();
        trail.detail("items", result.items().size()).detail("recorded", result.created())
                .detail("replayed", result.existing()).detail("rejected", result.failed() - refused)
                .detail("refused", refused);
        return result;
    }

    @POST
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("completion.import")
    @RateLimited("import")
    @APIResponse(responseCode = "429", description = TOO_MANY)
    @APIResponse(responseCode = "413", description = "The header line, or a data line among the first rows read "
            + "ahead, is longer than the line limit; the problem names the row; nothing recorded")
    @Path("/import")
    @Consumes({"text/csv", "application/csv"})
    @Operation(summary = "Import completions from a CSV file",
            description = "A header row naming the columns (any order): nip, title, kindId, competencyType, deliveryMode, "
                    + "provider, startDate, endDate, jp, days, international, certificateNumber, sourceSystem, externalId. "
                    + "UTF-8 with or without BOM; ',' or ';' as delimiter (as Excel in Indonesian locale writes), with "
                    + "';' a decimal comma in jp; RFC 4180 quoting; dates as yyyy-MM-dd; an empty cell is absent. Rows "
                    + "are recorded as they are read, each on its own like a batch item, so a file of any length streams "
                    + "through. An unknown, repeated or missing required column refuses the whole file before anything "
                    + "is stored. Bytes that are not UTF-8 refuse the file when they are near its start; further on "
                    + "they end the import at the row where they are read, reported as that row's problem. "
                    + "A row for an employee outside the units the token names is refused (status 403 in its problem). "
                    + "No line is read whole before its length is known: a line (a quoted line break continues it) "
                    + "longer than the line limit (64 KB by default) is read no further. In the header, or while no "
                    + "row is recorded yet, it refuses the file with 413 naming the row; further on it ends the import "
                    + "at that row, reported as that row's problem with status 413. A cell longer than the cell limit "
                    + "(8 KB by default) refuses its row alone, naming the column. This call answers when the last row "
                    + "is recorded: it is for small files; send big ones to POST /api/v1/completions/imports, a job "
                    + "with progress that survives a restart.")
    @APIResponse(responseCode = "200", description = "Counts and the refused rows (row 1 is the first after the header)",
            content = @Content(schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "The header is wrong or the file is not UTF-8; nothing recorded")
    public ImportResponse importCsv(InputStream body) {
        ImportResponse result = ImportResponse.from(batches.importCsv(body));
        trail.detail("rows", result.rows()).detail("recorded", result.created()).detail("replayed", result.existing())
                .detail("rejected", result.failed());
        return result;
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.TRAINING_VERIFIER})
    @Operation(summary = "List completions",
            description = "Completions in recording order, filtered by employee, unit (the unit's whole subtree: employees "
                    + "currently in it), end date range, status, flag (IMPLAUSIBLE_JP_PER_DAY: the completions a verifier "
                    + "should look at) and verification state. Only completions of employees currently in the "
                    + "units the token names are listed; a unit filter outside them gives an empty page. "
                    + "Keyset-paginated: pass nextCursor as cursor for the next page; pages stay stable while new "
                    + "completions are recorded.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = CompletionPage.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    public CompletionPage list(
            @Parameter(description = "Only this employee (18-digit NIP)") @QueryParam("nip") String nip,
            @Parameter(description = "Only employees currently in this unit or below it") @QueryParam("unitCode") String unitCode,
            @Parameter(description = "Only completions ending on or after this date (yyyy-MM-dd)") @QueryParam("from") String from,
            @Parameter(description = "Only completions ending on or before this date (yyyy-MM-dd)") @QueryParam("to") String to,
            @Parameter(description = "ACTIVE or VOIDED") @QueryParam("status") String status,
            @Parameter(description = "Only completions carrying this flag: IMPLAUSIBLE_JP_PER_DAY") @QueryParam("flag") String flag,
            @Parameter(description = "Only completions in this verification state: SUBMITTED, VERIFIED, REJECTED or "
                    + "AUTO_VERIFIED") @QueryParam("verification") String verification,
            @BeanParam PageParameters page) {
        return CompletionPage.from(queries.list(ListParameters.completionQuery(nip, unitCode, from, to, status, flag,
                verification, page)));
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.TRAINING_VERIFIER})
    @Path("/{id}")
    @Operation(summary = "Get a completion", description = "One completion at its current version; ETag carries the version.")
    @APIResponse(responseCode = "200", description = "The completion", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such completion, or its employee is outside the units the "
            + "token names")
    public Response get(@Parameter(description = "Id of the completion, as given when it was recorded")
            @PathParam("id") UUID id) {
        return Responses.versioned(CompletionResponse.from(queries.get(id)));
    }

    @PUT
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("completion.amend")
    @Path("/{id}")
    @Operation(summary = "Amend a completion",
            description = "Replaces the content as a new version, if If-Match names the current version. nip, sourceSystem "
                    + "and externalId cannot change. The previous version stays in the history; the event carries the "
                    + "full new state. The same content again changes nothing.")
    @APIResponse(responseCode = "200", description = "Amended (or already in this state)", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; nothing changed")
    @APIResponse(responseCode = "404", description = "No such completion, or its employee is outside the units the "
            + "token names")
    @APIResponse(responseCode = "409", description = "The completion is voided")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response amend(@Parameter(description = "Id of the completion, as given when it was recorded")
            @PathParam("id") UUID id,
            @Parameter(description = "The version read, e.g. \"2\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull CompletionRequest body) {
        CompletionResponse amended = CompletionResponse.from(
                changes.amend(id, Responses.expectedVersion(ifMatch), body.toCommand()).body());
        trail.nip(amended.nip());
        return Responses.versioned(amended);
    }

    @POST
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("completion.void")
    @Path("/{id}/void")
    @Operation(summary = "Void a completion",
            description = "Ends the completion: it stays readable with status VOIDED and the reason, counts no more, and "
                    + "cannot be amended or voided again. If-Match with the current version is required.")
    @APIResponse(responseCode = "200", description = "Voided", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CompletionResponse.class)))
    @APIResponse(responseCode = "400", description = "No reason given")
    @APIResponse(responseCode = "404", description = "No such completion, or its employee is outside the units the "
            + "token names")
    @APIResponse(responseCode = "409", description = "Already voided")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response voidCompletion(@Parameter(description = "Id of the completion, as given when it was recorded")
            @PathParam("id") UUID id,
            @Parameter(description = "The version read, e.g. \"2\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull VoidRequest body) {
        CompletionResponse voided = CompletionResponse.from(
                changes.voidCompletion(id, Responses.expectedVersion(ifMatch), body.reason()));
        trail.nip(voided.nip());
        return Responses.versioned(voided);
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.TRAINING_VERIFIER})
    @Path("/{id}/history")
    @Operation(summary = "A completion's history",
            description = "Every version, oldest first: what the completion was, what changed it, when and by whom.")
    @APIResponse(responseCode = "200", description = "All versions",
            content = @Content(schema = @Schema(implementation = CompletionVersionResponse.class, type =
                    SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such completion, or its employee is outside the units the "
            + "token names")
    public List<CompletionVersionResponse> history(@Parameter(description = "Id of the completion, as given when it was recorded")
            @PathParam("id") UUID id) {
        return queries.history(id).stream().map(CompletionVersionResponse::from).toList();
    }
}
