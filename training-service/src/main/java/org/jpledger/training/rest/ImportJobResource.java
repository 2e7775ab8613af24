package org.jpledger.training.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.RateLimited;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.service.imports.ImportJobService;
import org.jpledger.training.service.imports.ImportJobView;

/** HTTP face of import jobs: submit a file, follow its progress, download its error report, cancel it. */
@Path("/api/v1/completions/imports")
@Tag(name = "Completions", description = "Training completions and the JP they count for")
@Produces(MediaType.APPLICATION_JSON)
public class ImportJobResource {

    static final String NDJSON = "application/x-ndjson";

    private final ImportJobService jobs;
    private final AuditTrail trail;

    public ImportJobResource(ImportJobService jobs, AuditTrail trail) {
        this.jobs = jobs;
        this.trail = trail;
    }

    @POST
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("completion.import-job")
    @RateLimited("import-job")
    @Consumes({"text/csv", "application/csv", NDJSON})
    @Operation(summary = "Import completions from a file, as a job",
            description = "Stores the file (bounded in size, with its SHA-256) and queues a job that records its rows "
                    + "in the background, batch by batch, exactly as the synchronous CSV import records them (the same "
                    + "columns, validation, idempotency and unit scope: a row for an employee outside the units the "
                    + "token names is refused with status 403). format csv is the CSV of POST "
                    + "/api/v1/completions/import; jsonl is one completion per line, like an item of a batch. Without "
                    + "format it follows the Content-Type (text/csv: csv, application/x-ndjson: jsonl). Follow the "
                    + "job at Location; it survives a restart of the service and resumes after its last committed "
                    + "row, recording no row twice. For big files; small ones can go to POST "
                    + "/api/v1/completions/import.")
    @APIResponse(responseCode = "202", description = "File stored, job queued", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "Empty body or unknown format; nothing stored")
    @APIResponse(responseCode = "413", description = "The file is larger than the import job limit (512 MiB by "
            + "default); nothing stored")
    @APIResponse(responseCode = "429", description = "This client has submitted too many import jobs lately; retry "
            + "after the Retry-After header's seconds")
    public Response submit(InputStream body,
            @Parameter(description = "csv or jsonl; by default from the Content-Type") @QueryParam("format")
            String format,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
            @Parameter(description = "Size of the file; one over the limit is refused before it is read")
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @Context UriInfo uri) {
        ImportJobView job = jobs.submit(body, format != null ? format : formatOf(type), length);
        trail.id(job.id().toString()).detail("format", job.format()).detail("bytes", job.fileBytes())
                .detail("sha256", job.sha256());
        return Response.accepted(ImportJobResponse.from(job))
                .location(uri.getAbsolutePathBuilder().path(job.id().toString()).build()).build();
    }

    @GET
    @RolesAllowed({Access.TRAINING_WRITER, Access.ADMIN})
    @Operation(summary = "List your import jobs", description = "The caller's import jobs, newest first, a page at a "
            + "time: pass nextCursor as cursor for the next page.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = ImportJobPage.class)))
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor")
    public ImportJobPage list(@BeanParam PageParameters page) {
        return ImportJobPage.from(jobs.list(page));
    }

    @GET
    @RolesAllowed({Access.TRAINING_WRITER, Access.ADMIN})
    @Path("/{id}")
    @Operation(summary = "Get an import job", description = "State and progress of one of your import jobs (an admin "
            + "may read anyone's): rows read, created, existing, errors, and rows per second of running time.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such job of yours")
    public ImportJobResponse get(@Parameter(description = "Id of the job") @PathParam("id") UUID id) {
        return ImportJobResponse.from(jobs.get(id));
    }

    @GET
    @RolesAllowed({Access.TRAINING_WRITER, Access.ADMIN})
    @Path("/{id}/errors")
    @Produces("text/csv")
    @Operation(summary = "Download an import job's error report",
            description = "The refused rows as CSV, columns row,column,status,detail, in row order: one line per field "
                    + "of a row that was refused, or one for the row as a whole (row 0: the file itself, e.g. its "
                    + "header). Streams while the job is still running too; the lines committed so far.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "404", description = "No such job of yours")
    public Response errors(@Parameter(description = "Id of the job") @PathParam("id") UUID id) {
        jobs.requireVisible(id);
        StreamingOutput report = out -> jobs.writeErrors(id, out);
        return Response.ok(report, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }

    @POST
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("completion.import-job.cancel")
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an import job", description = "A queued job ends CANCELLED at once; a running one "
            + "at its next batch boundary, keeping the rows already committed.")
    @APIResponse(responseCode = "202", description = "Cancelled, or to be cancelled at the next batch boundary",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "404", description = "No such job of yours")
    @APIResponse(responseCode = "409", description = "The job has already ended")
    public Response cancel(@Parameter(description = "Id of the job") @PathParam("id") UUID id) {
        trail.id(id.toString());
        return Response.accepted(ImportJobResponse.from(jobs.cancel(id))).build();
    }

    /** The format a Content-Type names when no format is given. */
    private static String formatOf(MediaType type) {
        if (type != null && type.getSubtype().equalsIgnoreCase("csv")) {
            return "csv";
        }
        if (type != null && type.isCompatible(MediaType.valueOf(NDJSON))) {
            return "jsonl";
        }
        throw InvalidRequestException.of("format", "is required unless the Content-Type is text/csv or " + NDJSON);
    }
}
