package org.jpledger.reporting.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.reporting.export.ExportFileService;
import org.jpledger.reporting.export.ExportManifest;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;

/** HTTP face of the files the export schedules produced. */
@Path("/api/v1/exports/files")
@Tag(name = "Exports", description = "Compliance, unit and training-history files for reports and upstream feeds")
public class ExportFileResource {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ExportFileService files;
    private final AuditTrail trail;

    public ExportFileResource(ExportFileService files, AuditTrail trail) {
        this.files = files;
        this.trail = trail;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Access.REPORT_READER)
    @Operation(summary = "List the scheduled export files",
            description = "The files the configured schedules wrote and still keep, newest first, each with its "
                    + "manifest: schedule, kind, filters, format, asOf, row count, SHA-256, size, fire time and "
                    + "duration. A caller limited to some units sees only files of units within them.")
    @APIResponse(responseCode = "200", description = "The files' manifests",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ExportManifest.class)))
    public List<ExportManifest> list() {
        return files.list();
    }

    @GET
    @Path("/{name}")
    @Produces({"text/csv", XLSX})
    @RolesAllowed(Access.REPORT_READER)
    @Audited("export.download")
    @Operation(summary = "Download a scheduled export file",
            description = "The file as written; its SHA-256 is in its manifest.")
    @APIResponse(responseCode = "200", description = "The file",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180 CSV, UTF-8")),
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                        description = "Excel workbook"))})
    @APIResponse(responseCode = "404", description = "No such file, or its units are outside the units the token "
            + "names")
    public Response download(@Parameter(description = "File name, as listed") @PathParam("name") String name) {
        ExportManifest manifest = files.manifest(name);
        trail.id(name).detail("rows", manifest.rows()).detail("filters", manifest.filters());
        return Response.ok(files.path(manifest).toFile(), manifest.format().equals("xlsx") ? XLSX : "text/csv; "
                + "charset=UTF-8").header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .build();
    }
}
