package org.jpledger.training.siasn.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.Admission;
import org.jpledger.support.limits.RateLimited;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.training.service.IngestWorkers;
import org.jpledger.training.siasn.domain.Finding;
import org.jpledger.training.siasn.service.AdoptionResult;
import org.jpledger.training.siasn.service.AdoptionService;
import org.jpledger.training.siasn.service.NewReconciliation;
import org.jpledger.training.siasn.service.ReconciliationService;
import org.jpledger.training.siasn.service.ReconciliationView;
import org.jpledger.training.siasn.service.SiasnFile;

/** Reconciliations with SIASN: compare a SIASN file with the ledger, read the result back, take SIASN records in. */
@Path("/api/v1/siasn/reconciliations")
@Tag(name = "SIASN")
@Produces(MediaType.APPLICATION_JSON)
public class SiasnReconciliationResource {

    static final String NDJSON = "application/x-ndjson";
    static final int MAX_PAGE = 1000;

    private final ReconciliationService reconciliations;
    private final IngestWorkers uploads;
    private final AdoptionService adoptions;
    private final AuditTrail trail;

    public SiasnReconciliationResource(ReconciliationService reconciliations, AdoptionService adoptions,
            AuditTrail trail, IngestWorkers uploads) {
        this.uploads = uploads;
        this.reconciliations = reconciliations;
        this.adoptions = adoptions;
        this.trail = trail;
    }

    @POST
    @RolesAllowed(Access.SIASN_OPERATOR)
    @Audited("siasn.reconciliation")
    @RateLimited("siasn-reconciliation")
    @Consumes({"text/csv", "application/csv", NDJSON})
    @Operation(summary = "Reconcile what SIASN holds for a unit subtree with the ledger",
            description = "The body is SIASN's riwayat kursus or riwayat diklat struktural of the employees under "
                    + "unitCode: CSV with a header of SIASN's field names (any order; unknown, repeated or missing "
                    + "required columns refuse the file) or JSON lines (application/x-ndjson, one SIASN record object "
                    + "per line; needs shape). Dates dd-MM-yyyy. Read as it streams. Each record is matched with an "
                    + "active completion of the same NIP: by certificate number first, then by kind, start and end "
                    + "dates and a similar title; a match lists the fields that differ (jp: SIASN's jumlahJam against "
                    + "the JP on the ledger's certificate, startDate, endDate, kindId). Unmatched records are "
                    + "SIASN_ONLY, or UNKNOWN_NIP / OUTSIDE_UNIT when their NIP is not of an employee in the subtree; "
                    + "unmatched completions of the shape are LEDGER_ONLY; unreadable rows are INVALID_ROW. The "
                    + "reconciliation is kept for GET and its file.")
    @APIResponse(responseCode = "201", description = "The reconciliation, with counts by unit and by employee",
            content = @Content(schema = @Schema(implementation = ReconciliationResponse.class)))
    @APIResponse(responseCode = "400", description = "unitCode or shape missing or unknown, a header that fits no "
            + "shape, a file that is not UTF-8, or a subtree too large to reconcile at once; nothing kept")
    @APIResponse(responseCode = "403", description = "unitCode is outside the units your token names")
    @APIResponse(responseCode = "413", description = "The file is larger than the size limit, holds more rows than "
            + "the row limit, or has a line longer than the line limit; nothing kept")
    @APIResponse(responseCode = "429", description = "Too many reconciliations lately, or the service is busy with "
            + "as many bulk requests as it admits at once; retry after Retry-After")
    public Response reconcile(
            @Parameter(description = "The unit whose subtree the SIASN records are of", required = true)
            @QueryParam("unitCode") String unitCode,
            @Parameter(description = "kursus or struktural; recognised from a CSV header when absent")
            @QueryParam("shape") String shape,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @Context UriInfo uri) {
        SiasnFile.Format format = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(NDJSON)
                ? SiasnFile.Format.JSON_LINES : SiasnFile.Format.CSV;
        trail.unit(unitCode);
        ReconciliationView view;
        // The file streams in while a transaction holds a connection: it takes a place among the bulk requests.
        try (Admission.Ticket admitted = uploads.admit()) {
            view = reconciliations.reconcile(new NewReconciliation(unitCode, shape, format, body));
        }
        trail.id(view.id().toString()).detail("rows", view.counts().rowsRead())
                .detail("matched", view.counts().matched()).detail("siasnOnly", view.counts().siasnOnly())
                .detail("ledgerOnly", view.counts().ledgerOnly());
        return Response.created(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .entity(ReconciliationResponse.from(view)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Access.SIASN_OPERATOR)
    @Operation(summary = "Read a reconciliation with a page of its items",
            description = "Its counts, counts by unit and by employee, and up to limit items after the item numbered "
                    + "after, in item order, of one finding when finding is given.")
    @APIResponse(responseCode = "200", description = "The reconciliation and a page of items",
            content = @Content(schema = @Schema(implementation = ReconciliationResponse.class)))
    @APIResponse(responseCode = "400", description = "after, limit or finding is not one")
    @APIResponse(responseCode = "404", description = "No reconciliation with this id in the units your token names")
    public ReconciliationResponse get(@Parameter(description = "The reconciliation's id") @PathParam("id") UUID id,
            @Parameter(description = "nextAfter of the previous page; absent for the first") @QueryParam("after")
            String after,
            @Parameter(description = "Items per page, 1 to " + MAX_PAGE + "; 100 when absent") @QueryParam("limit")
            String limit,
            @Parameter(description = "Only items of this finding") @QueryParam("finding") String finding) {
        FieldErrors errors = new FieldErrors();
        int afterNo = whole(errors, "after", after, 0, 0, Integer.MAX_VALUE);
        int size = whole(errors, "limit", limit, 100, 1, MAX_PAGE);
        Finding only = null;
        if (finding != null && !finding.isBlank()) {
            try {
                only = Finding.valueOf(finding.strip());
            } catch (IllegalArgumentException e) {
                errors.add("finding", "must be one of MATCHED, LEDGER_ONLY, SIASN_ONLY, UNKNOWN_NIP, OUTSIDE_UNIT, "
                        + "INVALID_ROW");
            }
        }
        errors.throwIfAny();
        return ReconciliationResponse.from(reconciliations.get(id, afterNo, only, size));
    }

    @GET
    @Path("/{id}/file")
    @Produces("text/csv")
    @RolesAllowed(Access.SIASN_OPERATOR)
    @Operation(summary = "Download a reconciliation as a CSV file",
            description = "Every item in item order, one row each: " + "item, finding, matchRule, nip, unitCode, "
                    + "rowNumber, completionId, siasnId, title, differences (space-separated), then the ledger's and "
                    + "SIASN's kind, start date, end date and JP side by side, problem, adoptedCompletionId.")
    @APIResponse(responseCode = "200", description = "The CSV file")
    @APIResponse(responseCode = "404", description = "No reconciliation with this id in the units your token names")
    public Response file(@Parameter(description = "The reconciliation's id") @PathParam("id") UUID id) {
        reconciliations.requireVisible(id);
        return Response.ok(new ReconciliationFile(reconciliations, id))
                .header("Content-Disposition", "attachment; filename=\"siasn-reconciliation-" + id + ".csv\"").build();
    }

    @POST
    @Path("/{id}/adoptions")
    @RolesAllowed(Access.SIASN_OPERATOR)
    @Audited("siasn.adoption")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Take SIASN-only records into the ledger as completions",
            description = "Records the SIASN-only items named (or all) as completions with sourceSystem siasn through "
                    + "the batch path: the same validation, scope and idempotency by sourceSystem and externalId (SIASN's "
                    + "record id, else a key derived from the record's content), so an item taken in twice is recorded "
                    + "once and answered existing. Per item: created, existing, or error with its problem details (an "
                    + "unknown item 404, an item that is not SIASN-only 409, a record the ledger refuses 400/403). "
                    + "Each item taken in keeps its completion id.")
    @APIResponse(responseCode = "200", description = "One result per item",
            content = @Content(schema = @Schema(implementation = AdoptionResponse.class)))
    @APIResponse(responseCode = "400", description = "Neither items nor all, both, more than 1000 items or an item "
            + "named twice; nothing recorded")
    @APIResponse(responseCode = "404", description = "No reconciliation with this id in the units your token names")
    public AdoptionResponse adopt(@Parameter(description = "The reconciliation's id") @PathParam("id") UUID id, @Valid @NotNull AdoptionRequest body) {
        trail.id(id.toString());
        AdoptionResult result = adoptions.adopt(id, body.toCommand());
        trail.detail("items", result.items().size()).detail("recorded", result.created())
                .detail("replayed", result.existing()).detail("rejected", result.failed());
        return AdoptionResponse.from(result);
    }

    /** A whole-number query parameter within bounds; {@code standard} when absent. */
    private static int whole(FieldErrors errors, String field, String value, int standard, int min, int max) {
        if (value == null || value.isBlank()) {
            return standard;
        }
        String digits = value.strip();
        if (digits.matches("[0-9]{1,9}")) {
            int n = Integer.parseInt(digits);
            if (n >= min && n <= max) {
                return n;
            }
        }
        errors.add(field, "must be a whole number from " + min + " to " + max);
        return standard;
    }
}
