package org.jpledger.reporting.siasn.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.reporting.rest.ComplianceResource;
import org.jpledger.reporting.rest.ExportResource;
import org.jpledger.reporting.rest.ExportStreams;
import org.jpledger.reporting.siasn.SiasnFormat;
import org.jpledger.reporting.siasn.service.DeltaExport;
import org.jpledger.reporting.siasn.service.DeltaFiles;
import org.jpledger.reporting.siasn.service.SiasnDeltaService;
import org.jpledger.reporting.siasn.service.SiasnExportService;
import org.jpledger.reporting.siasn.service.SiasnFullExport;
import org.jpledger.reporting.siasn.service.SiasnScope;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.limits.RateLimited;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.security.Caller;

/** HTTP face of the SIASN training history: the full file, stored deltas and their acknowledgement. */
@Path("/api/v1/exports/siasn")
@Tag(name = "Exports", description = "Compliance, unit and training-history files for reports and upstream feeds")
public class SiasnExportResource {

    /** At most this many units per request. */
    static final int MAX_UNITS = 100;
    static final int MAX_NOTE = 500;
    static final int MAX_SIASN_ID = 64;
    private static final int MAX_LIMIT = 100;
    private static final int MAX_OFFSET = 10_000;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String JSONL = "application/jsonl";
    private static final java.util.regex.Pattern UNIT_CODE = java.util.regex.Pattern.compile(
            ComplianceResource.UNIT_CODE);

    private final SiasnExportService full;
    private final SiasnDeltaService deltas;
    private final DeltaFiles files;
    private final SiasnScope scope;
    private final ExportStreams streams;
    private final AuditTrail trail;
    private final Caller caller;

    public SiasnExportResource(SiasnExportService full, SiasnDeltaService deltas, DeltaFiles files, SiasnScope scope,
            ExportStreams streams, AuditTrail trail, Caller caller) {
        this.full = full;
        this.deltas = deltas;
        this.files = files;
        this.scope = scope;
        this.streams = streams;
        this.trail = trail;
        this.caller = caller;
    }

    @GET
    @Produces({"text/csv", XLSX, JSONL})
    @RolesAllowed({Access.REPORT_READER, Access.SIASN_OPERATOR})
    @Audited("export.siasn")
    @RateLimited("export")
    @Operation(summary = "Export the training history in SIASN's shapes",
            description = "Every counted (not voided) completion ending in the date range, of employees of the units "
                    + "asked (by default the caller's units, or everyone), as SIASN's riwayat kursus or riwayat diklat "
                    + "struktural (training kind 1 alone): SIASN's field names as headers, dates dd-MM-yyyy, "
                    + "jumlahJam the JP on the certificate. XLSX without a shape holds both, a sheet each.")
    @APIResponse(responseCode = "200", description = "The file, streamed",
            headers = @Header(name = ExportResource.AS_OF, description = "Time of the newest ledger event in the data"),
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING,
                    description = "RFC 4180 CSV, UTF-8, SIASN's field names as headers, no trailer")),
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary",
                        description = "Excel workbook")),
                @Content(mediaType = JSONL, schema = @Schema(type = SchemaType.STRING,
                        description = "One SIASN record as JSON per line"))})
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named")
    @APIResponse(responseCode = "404", description = "No unit with this code is known to reporting, or it is "
            + "outside the units the token names")
    @APIResponse(responseCode = "429", description = "You have made too many exports lately, or too many exports "
            + "are streaming at once; retry after the Retry-After header's seconds")
    public Response export(
            @Parameter(description = "kursus (riwayat kursus, the default) or struktural (riwayat diklat struktural); "
                    + "XLSX without it holds both") @QueryParam("shape") String shape,
            @Parameter(description = "csv (default), xlsx or jsonl") @QueryParam("format") String format,
            @Parameter(description = "Units whose employees are exported (repeat or comma-separate, at most 100); "
                    + "the caller's units when absent") @QueryParam("units") List<String> units,
            @Parameter(description = "Earliest end date (YYYY-MM-DD); none when absent") @QueryParam("from") String from,
            @Parameter(description = "Latest end date (YYYY-MM-DD); none when absent") @QueryParam("to") String to) {
        FieldErrors errors = new FieldErrors();
        SiasnFormat fileFormat = format == null ? SiasnFormat.CSV : SiasnFormat.of(format.trim());
        if (fileFormat == null) {
            errors.add("format", "must be csv, xlsx or jsonl");
        }
        SiasnShape fileShape = shape(shape, fileFormat == SiasnFormat.XLSX, errors);
        List<String> codes = units(units, "units", errors);
        LocalDate start = ExportResource.date("from", from, errors);
        LocalDate end = ExportResource.date("to", to, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add("from", "must not be after to");
        }
        errors.throwIfAny();
        SiasnFullExport export = full.prepare(new SiasnExportService.FullExport(codes, fileShape, fileFormat, start,
                end));
        trail.detail("format", fileFormat.extension()).detail("shape", fileShape == null ? "both" : fileShape.slug())
                .detail("units", codes == null ? "*" : String.join(",", codes));
        return Response.ok(streams.body(export), fileFormat.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + export.fileName() + "\"")
                .header(ExportResource.AS_OF, export.asOf() == null ? "" : export.asOf().toString()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Access.SIASN_OPERATOR)
    @Audited("export.siasn.delta")
    @Operation(summary = "Create a SIASN delta export",
            description = "Stores what changed since the last acknowledged delta for the units asked (by default the "
                    + "caller's): CREATE for a completion never sent, UPDATE for one sent in an older version, DELETE "
                    + "for one sent and since voided. An unacknowledged delta of the same units is superseded (its "
                    + "rows come again). Its files carry action and completionId before SIASN's fields.")
    @APIResponse(responseCode = "201", description = "The delta, with its row counts and file links",
            content = @Content(schema = @Schema(implementation = DeltaExport.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid; each field is named")
    @APIResponse(responseCode = "404", description = "A unit is not known to reporting, or outside the token's units")
    public Response create(SiasnDeltaRequest body) {
        FieldErrors errors = new FieldErrors();
        List<String> codes = units(body == null ? null : body.units(), "units", errors);
        String note = body == null ? null : body.note();
        if (note != null && note.length() > MAX_NOTE) {
            errors.add("note", "must be at most " + MAX_NOTE + " characters");
        }
        errors.throwIfAny();
        List<String> covered = scope.unitsFor(codes);
        DeltaExport delta = deltas.create(new SiasnDeltaService.CreateDelta(covered, note, caller.subject()));
        trail.id(delta.exportId().toString()).detail("units", covered == null ? "*" : String.join(",", covered))
                .detail("rows", delta.rows());
        return Response.status(Response.Status.CREATED).entity(delta)
                .location(java.net.URI.create(DeltaFiles.PATH + delta.exportId())).build();
    }

    @GET
    @Path("/deltas")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Access.REPORT_READER, Access.SIASN_OPERATOR})
    @Operation(summary = "List the SIASN delta exports",
            description = "The stored deltas of units within the caller's, newest first, a page at a time.")
    @APIResponse(responseCode = "200", description = "One page of deltas",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeltaExport.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid; each is named")
    public List<DeltaExport> list(
            @Parameter(description = "Deltas per page, 1 to 100; 20 when absent") @QueryParam("limit") String limit,
            @Parameter(description = "Deltas to skip, 0 to 10,000") @QueryParam("offset") String offset) {
        FieldErrors errors = new FieldErrors();
        int size = number("limit", limit, 20, 1, MAX_LIMIT, errors);
        int skip = number("offset", offset, 0, 0, MAX_OFFSET, errors);
        errors.throwIfAny();
        return deltas.list(scope::visible, skip, size);
    }

    @GET
    @Path("/deltas/{exportId}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Access.REPORT_READER, Access.SIASN_OPERATOR})
    @Operation(summary = "Read a SIASN delta export", description = "Its state, row counts and file links.")
    @APIResponse(responseCode = "200", description = "The delta",
            content = @Content(schema = @Schema(implementation = DeltaExport.class)))
    @APIResponse(responseCode = "404", description = "No such delta within the caller's units")
    public DeltaExport get(@Parameter(description = "The delta's id") @PathParam("exportId") String exportId) {
        return deltas.get(id(exportId), scope::visible);
    }

    @GET
    @Path("/deltas/{exportId}/files/{name}")
    @Produces({"text/csv", XLSX, JSONL})
    @RolesAllowed({Access.REPORT_READER, Access.SIASN_OPERATOR})
    @Audited("export.siasn.download")
    @Operation(summary = "Download a file of a SIASN delta export",
            description = "Rendered from the delta's stored rows: the same bytes at every download.")
    @APIResponse(responseCode = "200", description = "The file",
            content = {@Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = JSONL, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such delta within the caller's units, or no such file")
    @APIResponse(responseCode = "429", description = "Too many exports are streaming at once; retry after the "
            + "Retry-After header's seconds")
    public Response file(@Parameter(description = "The delta's id") @PathParam("exportId") String exportId,
            @Parameter(description = "The file's name, as listed") @PathParam("name") String name) {
        DeltaFiles.DeltaFile file = files.open(id(exportId), name, scope::visible);
        trail.id(exportId + "/" + name);
        return Response.ok(streams.body(file), file.format().mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"").build();
    }

    @POST
    @Path("/{exportId}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Access.SIASN_OPERATOR)
    @Audited("export.siasn.acknowledge")
    @Operation(summary = "Acknowledge a SIASN delta as sent",
            description = "Marks each of its rows as sent (the version, the time, the export; a DELETE as withdrawn) "
                    + "and stores the SIASN ids given, so the next delta starts after it. Only the newest "
                    + "unacknowledged delta of its units can be acknowledged, once.")
    @APIResponse(responseCode = "200", description = "The delta, acknowledged",
            content = @Content(schema = @Schema(implementation = DeltaExport.class)))
    @APIResponse(responseCode = "400", description = "The body is invalid; each field is named")
    @APIResponse(responseCode = "404", description = "No such delta within the caller's units")
    @APIResponse(responseCode = "409", description = "The delta was already acknowledged, or a newer one replaced it")
    @APIResponse(responseCode = "413", description = "More than 100,000 SIASN ids, or a body over the JSON body "
            + "limit")
    public DeltaExport acknowledge(@Parameter(description = "The delta's id") @PathParam("exportId") String exportId,
            SiasnAcknowledgement body) {
        UUID id = id(exportId);
        List<SiasnAcknowledgement.SiasnId> given = body == null || body.siasnIds() == null ? List.of()
                : body.siasnIds();
        if (given.size() > SiasnDeltaService.MAX_SIASN_IDS) {
            throw new PayloadTooLargeException("At most " + SiasnDeltaService.MAX_SIASN_IDS
                    + " SIASN ids per acknowledgement; send the rest in a later one.");
        }
        FieldErrors errors = new FieldErrors();
        List<Map.Entry<UUID, String>> pairs = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            SiasnAcknowledgement.SiasnId pair = given.get(i);
            String at = "siasnIds[" + i + "]";
            if (pair == null) {
                errors.add(at, "must be an object");
                continue;
            }
            UUID completionId = uuid(pair.completionId());
            if (completionId == null) {
                errors.add(at + ".completionId", "must be a completion id (UUID)");
            }
            if (pair.siasnId() == null || pair.siasnId().isBlank() || pair.siasnId().length() > MAX_SIASN_ID) {
                errors.add(at + ".siasnId", "must be 1 to " + MAX_SIASN_ID + " characters");
            }
            if (completionId != null && pair.siasnId() != null) {
                pairs.add(new AbstractMap.SimpleEntry<>(completionId, pair.siasnId().trim()));
            }
        }
        errors.throwIfAny();
        trail.id(exportId).detail("siasnIds", pairs.size());
        return deltas.acknowledge(new SiasnDeltaService.Acknowledge(id, SiasnDeltaService.lastWins(pairs),
                caller.subject()), scope::visible);
    }

    private static SiasnShape shape(String shape, boolean xlsx, FieldErrors errors) {
        if (shape == null || shape.isBlank()) {
            return xlsx ? null : SiasnShape.KURSUS;
        }
        return switch (shape.trim().toLowerCase(Locale.ROOT)) {
            case "kursus" -> SiasnShape.KURSUS;
            case "struktural" -> SiasnShape.STRUKTURAL;
            default -> {
                errors.add("shape", "must be kursus or struktural");
                yield null;
            }
        };
    }

    /** The unit codes asked (comma-separated or repeated), or null for none; each checked, at most 100. */
    private static List<String> units(List<String> asked, String field, FieldErrors errors) {
        if (asked == null || asked.isEmpty()) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (String entry : asked) {
            if (entry == null) {
                errors.add(field, "must not hold null");
                return null;
            }
            for (String code : entry.split(",", -1)) {
                codes.add(code.trim());
            }
        }
        if (codes.size() > MAX_UNITS) {
            errors.add(field, "must name at most " + MAX_UNITS + " units");
            return null;
        }
        for (String code : codes) {
            if (!UNIT_CODE.matcher(code).matches()) {
                errors.add(field, ComplianceResource.UNIT_CODE_RULE);
                return null;
            }
        }
        return codes;
    }

    private static int number(String field, String value, int absent, int min, int max, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(field, "must be a whole number from " + min + " to " + max);
        return absent;
    }

    private static UUID id(String exportId) {
        UUID id = uuid(exportId);
        if (id == null) {
            throw new org.jpledger.support.problem.ResourceNotFoundException("No SIASN delta export with this id.");
        }
        return id;
    }

    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
