package org.jpledger.training.evidence.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.training.evidence.service.CertificateFile;
import org.jpledger.training.evidence.service.CertificateService;
import org.jpledger.training.evidence.service.CertificateView;
import org.jpledger.training.service.Upserted;

/** HTTP face of certificate evidence: attach a file to a completion, list its files, download one, detach one. */
@Path("/api/v1/completions/{id}/certificates")
@Tag(name = "Certificates", description = "Certificate files (evidence) of training completions")
public class CertificateResource {

    private static final String NOT_FOUND = "No such completion, or its employee is outside the units the token names";
    // filename*=UTF-8''... (RFC 6266/8187) wins over filename="...".
    private static final Pattern EXTENDED_NAME = Pattern.compile("filename\\*\\s*=\\s*UTF-8''([^;\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|[^;\\s]+)",
            Pattern.CASE_INSENSITIVE);

    private final CertificateService certificates;
    private final AuditTrail trail;

    public CertificateResource(CertificateService certificates, AuditTrail trail) {
        this.certificates = certificates;
        this.trail = trail;
    }

    @POST
    @RolesAllowed({Access.TRAINING_WRITER, Access.TRAINING_VERIFIER})
    @Audited("completion.certificate.attach")
    @Consumes({"application/pdf", "image/*", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Attach a certificate file to a completion",
            description = "The body is the file itself (STTPP or sertifikat): a PDF, PNG, JPEG or WebP, told by its "
                    + "first bytes; the Content-Type header is not trusted (a PNG sent as application/pdf is kept as "
                    + "image/png, a text file sent as application/pdf is refused with 415). At most "
                    + "jpledger.evidence.max-file-size (5 MB by default) and jpledger.evidence.max-files-per-completion "
                    + "files per completion (10). Each content is kept once per SHA-256 however many completions hold "
                    + "it; the same file again on the same completion is the one attached before (200). The name comes "
                    + "from fileName, else Content-Disposition's filename. Attaching is not a new version of the "
                    + "completion; it is audited.")
    @APIResponse(responseCode = "201", description = "Attached", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = CertificateResponse.class)))
    @APIResponse(responseCode = "200", description = "This file was attached to the completion before",
            content = @Content(schema = @Schema(implementation = CertificateResponse.class)))
    @APIResponse(responseCode = "400", description = "Empty body, or a file name longer than 255 characters")
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    @APIResponse(responseCode = "409", description = "The completion is voided, or holds as many files as it may")
    @APIResponse(responseCode = "413", description = "The file is larger than the limit; nothing stored")
    @APIResponse(responseCode = "415", description = "The bytes are no PDF, PNG, JPEG or WebP (or the Content-Type "
            + "is not one of application/pdf, image/*, application/octet-stream); nothing stored")
    public Response attach(@Parameter(description = "Id of the completion") @PathParam("id") UUID id,
            @Parameter(description = "The file's name (else Content-Disposition's filename)") @QueryParam("fileName")
            String fileName,
            @Parameter(description = "e.g. inline; filename=\"sttpp.pdf\"") @HeaderParam("Content-Disposition")
            String disposition,
            @Parameter(description = "Size of the file; one over the limit is refused before it is read")
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            InputStream body, @Context UriInfo uri) {
        Upserted<CertificateView> attached = certificates.attach(id, body, length,
                fileName != null ? fileName : nameIn(disposition));
        trail.detail("sha256", attached.body().sha256()).detail("size", attached.body().size())
                .detail("created", attached.created());
        CertificateResponse response = CertificateResponse.from(attached.body());
        return attached.created()
                ? Response.created(uri.getAbsolutePathBuilder().path(response.sha256()).build()).entity(response).build()
                : Response.ok(response).build();
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.TRAINING_VERIFIER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List a completion's certificate files",
            description = "Hash, size, type and name of each file, in the order attached (at most "
                    + "max-files-per-completion).")
    @APIResponse(responseCode = "200", description = "The files", content = @Content(schema = @Schema(
            implementation = CertificateResponse.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = NOT_FOUND)
    public List<CertificateResponse> list(@Parameter(description = "Id of the completion") @PathParam("id") UUID id) {
        return certificates.list(id).stream().map(CertificateResponse::from).toList();
    }

    @GET
    @Path("/{sha256}")
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.TRAINING_VERIFIER})
    @Audited("completion.certificate.read")
    @Produces({"application/pdf", "image/png", "image/jpeg", "image/webp", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a certificate file",
            description = "The bytes with the type they were found to be, Content-Disposition inline (a browser shows "
                    + "a PDF or an image in place), X-Content-Type-Options nosniff, Content-Security-Policy sandbox, "
                    + "and the hash as ETag. Every download is audited: who read which file of which completion.")
    @APIResponse(responseCode = "200", description = "The file", headers = @Header(name = "ETag"),
            content = {@Content(mediaType = "application/pdf"), @Content(mediaType = "image/png"),
                @Content(mediaType = "image/jpeg"), @Content(mediaType = "image/webp")})
    @APIResponse(responseCode = "404", description = NOT_FOUND + "; or the completion holds no file with this hash")
    public Response download(@Parameter(description = "Id of the completion") @PathParam("id") UUID id,
            @Parameter(description = "SHA-256 of the file, hex") @PathParam("sha256") String sha256) {
        CertificateFile file = certificates.download(id, sha256);
        CertificateView view = file.view();
        return Response.ok(file.content(), view.contentType())
                .header("Content-Disposition", disposition(view.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header(HttpHeaders.ETAG, "\"" + view.sha256() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .build();
    }

    @DELETE
    @Path("/{sha256}")
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("completion.certificate.detach")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Detach a certificate file",
            description = "The completion no longer holds the file. Its content stays kept (another completion may "
                    + "hold it; none reaches it without a link). A voided or verified completion keeps its files.")
    @APIResponse(responseCode = "204", description = "Detached")
    @APIResponse(responseCode = "404", description = NOT_FOUND + "; or the completion holds no file with this hash")
    @APIResponse(responseCode = "409", description = "The completion is voided or verified")
    public Response detach(@Parameter(description = "Id of the completion") @PathParam("id") UUID id,
            @Parameter(description = "SHA-256 of the file, hex") @PathParam("sha256") String sha256) {
        certificates.detach(id, sha256);
        return Response.noContent().build();
    }

    /** The file name a Content-Disposition header gives, or null. */
    static String nameIn(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher extended = EXTENDED_NAME.matcher(disposition);
        if (extended.find()) {
            try {
                return URLDecoder.decode(extended.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // A broken percent-encoding: fall back to the plain filename.
            }
        }
        Matcher plain = NAME.matcher(disposition);
        if (!plain.find()) {
            return null;
        }
        return plain.group(2) != null ? plain.group(2) : plain.group(1);
    }

    /** inline, with an ASCII name for old clients and the exact name encoded (RFC 6266). */
    private static String disposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\\\\\"]", "_");
        return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
