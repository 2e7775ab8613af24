package org.jpledger.training.xapi.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.support.audit.AuditTrail;
import org.jpledger.support.audit.Audited;
import org.jpledger.support.limits.Admission;
import org.jpledger.support.limits.RateLimited;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.training.xapi.config.XapiConfig;
import org.jpledger.training.xapi.store.XapiAttachmentRepository;
import org.jpledger.training.service.IngestWorkers;
import org.jpledger.training.xapi.store.StatementClock;
import org.jpledger.training.xapi.store.StatementService;
import org.jpledger.training.xapi.rules.MultipartMixed;
import org.jpledger.training.xapi.rules.StatementAttachments;
import org.jpledger.training.xapi.rules.StatementFormat;

/**
 * The xAPI 2.0 Statement Resource (IEEE 9274.1.1, also spoken to 1.0.3 clients): learning platforms send statements,
 * those reporting a completion under the JP Ledger profile become completions, and voiding a statement voids its
 * completion.
 */
@Path("/xapi/statements")
@Tag(name = "xAPI", description = "Learning Record Store: xAPI statements from learning platforms (docs/xapi.md)")
@Produces(MediaType.APPLICATION_JSON)
public class StatementResource {

    /** The kind of rate-limited call a statement write (POST or PUT) is: each system has its own allowance of them. */
    public static final String WRITES = "xapi-statements";

    private static final String MULTIPART_MIXED = "multipart/mixed";
    private static final String NOT_FOUND = "No statement with this id among those you may read.";

    private final StatementService statements;
    private final IngestWorkers intake;
    private final StatementClock clock;
    private final XapiConfig config;
    private final ObjectMapper mapper;
    private final AuditTrail trail;

    public StatementResource(StatementService statements, StatementClock clock, XapiConfig config, ObjectMapper mapper,
            AuditTrail trail, IngestWorkers intake) {
        this.statements = statements;
        this.intake = intake;
        this.clock = clock;
        this.config = config;
        this.mapper = mapper;
        this.trail = trail;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MULTIPART_MIXED})
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("xapi.statements.store")
    @RateLimited(StatementResource.WRITES)
    @Operation(summary = "Store a statement or a batch of statements",
            description = "Stores one statement (a JSON object) or a batch (an array), all or nothing, and answers their "
                    + "ids in order (ids are given to statements sent without one). Sending a stored id again with "
                    + "equivalent content changes nothing; with other content it is a 409. A batch must not repeat an id. "
                    + "The store sets stored, authority (the sending system, in place of a well-formed one the client "
                    + "sent) and, if absent, version and timestamp; context activities are kept as arrays. A "
                    + "statement reporting a completion under the JP Ledger profile becomes a completion, as by POST "
                    + "/api/v1/completions; a voiding statement voids the statement it names and its completion. With "
                    + "attachments whose content is sent too, the request is multipart/mixed: the statements first, then "
                    + "one part per attachment with X-Experience-API-Hash (its sha2) and Content-Transfer-Encoding binary.")
    @APIResponse(responseCode = "200", description = "The statements' ids, in the order sent",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class)))
    @APIResponse(responseCode = "400", description = "Not well-formed, a repeated id, a voiding statement targeting a "
            + "voiding statement, more attachments in a statement than jpledger.xapi.attachments-per-statement, an "
            + "attachment without fileUrl whose content does not come along in the request, an authority that is "
            + "neither an Agent nor an anonymous Group of two Agents, a multipart type other than multipart/mixed, or "
            + "no xAPI version header; nothing stored")
    @APIResponse(responseCode = "403", description = "Voiding another system's statement; nothing stored")
    @APIResponse(responseCode = "409", description = "A statement id is stored with other content; nothing stored")
    @APIResponse(responseCode = "413", description = "The attachments' content passes the per-request limit "
            + "(jpledger.xapi.attachment-bytes); nothing stored")
    @APIResponse(responseCode = "429", description = "This system has sent too many statement requests lately "
            + "(jpledger.limits.kind.xapi-statements.calls), or jpledger.ingest.queue-size bulk requests are being "
            + "recorded already; nothing stored; retry after the Retry-After header's seconds")
    public Response post(
            @Parameter(description = "xAPI version the client speaks: 2.0.0 (or 2.0.x), or 1.0.3 (1.0.x)")
            @HeaderParam(XapiHeaders.VERSION) String version,
            @Parameter(description = "application/json, or multipart/mixed with the attachments' content")
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uri,
            @RequestBody(description = "An xAPI statement, or an array of statements",
                    content = @Content(schema = @Schema(type = SchemaType.OBJECT))) byte[] request) throws IOException {
        noParameters(uri, List.of());
        Sent sent = Sent.read(request, contentType, mapper);
        JsonNode body = sent.statements();
        if (body == null || !body.isObject() && !body.isArray()) {
            throw InvalidRequestException.of("statement", "send a statement (a JSON object) or an array of statements");
        }
        boolean batch = body.isArray();
        if (batch && body.size() > config.batchLimit()) {
            throw InvalidRequestException.of("statements", "at most " + config.batchLimit() + " in one request");
        }
        List<JsonNode> statements = new ArrayList<>();
        (batch ? body : List.of(body)).forEach(statements::add);
        return Response.ok(store(statements, sent.attachments(), batch, version)).build();
    }

    @PUT
    @Consumes({MediaType.APPLICATION_JSON, MULTIPART_MIXED})
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("xapi.statements.put")
    @RateLimited(StatementResource.WRITES)
    @Operation(summary = "Store a statement under a given id",
            description = "Stores one statement with the id in statementId, as POST does. The same id with equivalent "
                    + "content again changes nothing; with other content it is a 409.")
    @APIResponse(responseCode = "204", description = "Stored, or already stored with equivalent content")
    @APIResponse(responseCode = "400", description = "Not well-formed, no statementId, an id in the body that differs "
            + "from it, or a multipart type other than multipart/mixed; nothing stored")
    @APIResponse(responseCode = "403", description = "Voiding another system's statement; nothing stored")
    @APIResponse(responseCode = "409", description = "The id is stored with other content; nothing stored")
    @APIResponse(responseCode = "413", description = "The attachments' content passes the per-request limit "
            + "(jpledger.xapi.attachment-bytes); nothing stored")
    @APIResponse(responseCode = "429", description = "This system has sent too many statement requests lately "
            + "(jpledger.limits.kind.xapi-statements.calls), or jpledger.ingest.queue-size bulk requests are being "
            + "recorded already; nothing stored; retry after the Retry-After header's seconds")
    public Response put(
            @Parameter(name = "statementId", in = ParameterIn.QUERY, required = true,
                    description = "The statement's id (a UUID)") @QueryParam("statementId") String id,
            @Parameter(description = "xAPI version the client speaks: 2.0.0 (or 2.0.x), or 1.0.3 (1.0.x)")
            @HeaderParam(XapiHeaders.VERSION) String version,
            @Parameter(description = "application/json, or multipart/mixed with the attachments' content")
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uri,
            @RequestBody(description = "An xAPI statement",
                    content = @Content(schema = @Schema(type = SchemaType.OBJECT))) byte[] request) throws IOException {
        noParameters(uri, List.of("statementId"));
        UUID statementId = uuid("statementId", id);
        Sent sent = Sent.read(request, contentType, mapper);
        JsonNode body = sent.statements();
        if (body == null || !body.isObject()) {
            throw InvalidRequestException.of("statement", "send one statement (a JSON object)");
        }
        ObjectNode statement = (ObjectNode) body.deepCopy();
        if (statement.hasNonNull("id") && !statement.get("id").asText().equalsIgnoreCase(statementId.toString())) {
            throw InvalidRequestException.of("id", "must be the statementId parameter's id, or left out");
        }
        statement.put("id", statementId.toString());
        store(List.of(statement), sent.attachments(), false, version);
        return Response.noContent().build();
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ADMIN})
    @Operation(summary = "Read a statement, or a filtered list of statements",
            description = "With statementId (or voidedStatementId, for a voided one) answers that statement; otherwise a "
                    + "StatementResult {statements, more} of the statements passing the filters, newest stored first, "
                    + "voided ones left out, at most limit (the store's page size caps it); more is the link to the next "
                    + "page, or empty. A system reads the statements it sent; an admin reads all.")
    @Parameter(name = "statementId", in = ParameterIn.QUERY, description = "Id of the statement to read")
    @Parameter(name = "voidedStatementId", in = ParameterIn.QUERY, description = "Id of the voided statement to read")
    @Parameter(name = "agent", in = ParameterIn.QUERY, description = "Agent or identified Group (JSON): the actor or object")
    @Parameter(name = "verb", in = ParameterIn.QUERY, description = "Verb IRI")
    @Parameter(name = "activity", in = ParameterIn.QUERY, description = "Activity IRI: the object")
    @Parameter(name = "registration", in = ParameterIn.QUERY, description = "Registration UUID")
    @Parameter(name = "related_activities", in = ParameterIn.QUERY,
            description = "true: the activity filter also matches context activities and sub-statements")
    @Parameter(name = "related_agents", in = ParameterIn.QUERY,
            description = "true: the agent filter also matches authority, instructor, team, members and sub-statements")
    @Parameter(name = "since", in = ParameterIn.QUERY, description = "Only statements stored after this time")
    @Parameter(name = "until", in = ParameterIn.QUERY, description = "Only statements stored at or before this time")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Most statements on the page; 0 for the store's most")
    @Parameter(name = "format", in = ParameterIn.QUERY, description = "exact (default), ids or canonical")
    @Parameter(name = "attachments", in = ParameterIn.QUERY,
            description = "true: answer as multipart/mixed, the JSON then the content of each attachment whose sender "
                    + "sent that content itself (streamed)")
    @Parameter(name = "ascending", in = ParameterIn.QUERY, description = "true: oldest stored first")
    @Parameter(name = "more", in = ParameterIn.QUERY, description = "The token of a more link, given alone")
    @APIResponse(responseCode = "200", description = "The statement, or a StatementResult",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "An unknown or malformed parameter, or parameters that cannot go "
            + "together")
    @APIResponse(responseCode = "404", description = "No such statement among those the caller may read (or it is "
            + "voided, or not voided, for voidedStatementId)")
    public Response get(@Context UriInfo uri,
            @Parameter(description = "Languages for format=canonical, most preferred first")
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Instant consistent = clock.consistentThrough();
        StatementQuery query = StatementQuery.parse(uri.getQueryParameters(), config.pageSize());
        List<String> languages = StatementFormat.languages(acceptLanguage);
        if (query.statementId() != null || query.voidedStatementId() != null) {
            boolean voided = query.voidedStatementId() != null;
            StatementService.StoredStatement found = statements
                    .get(voided ? query.voidedStatementId() : query.statementId(), voided)
                    .orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
            return answer(query.format().apply(found.statement(), languages), List.of(found),
                    query.attachments()).lastModified(Date.from(found.stored())).build();
        }
        StatementService.StatementPage page = statements.list(query.filter(), query.after(), query.limit());
        ObjectNode result = mapper.createObjectNode();
        ArrayNode list = result.putArray("statements");
        page.statements().forEach(s -> list.add(query.format().apply(s.statement(), languages)));
        // Relative to where the service is reached, so that a gateway's path prefix stays in the link.
        result.put("more", page.continueAfter() == null ? ""
                : query.moreLink(uri.getBaseUri().getRawPath() + "xapi/statements", page.continueAfter(), consistent));
        return answer(result, page.statements(), query.attachments()).build();
    }

    private List<UUID> store(List<JsonNode> sent, List<MultipartMixed.Part> attachments, boolean batch, String version) {
        // The header was checked by XapiHeaders: a 1.0.x client's statements without a version are 1.0.0 ones.
        String stamped = XapiProfile.VERSION_1.equals(XapiHeaders.spoken(version)) ? "1.0.0" : XapiProfile.VERSION_2;
        // Bulk intake like batches and imports: a full queue answers 429 at once instead of piling up requests.
        try (Admission.Ticket admitted = intake.admit()) {
            return storeAdmitted(sent, attachments, batch, stamped);
        }
    }

    private List<UUID> storeAdmitted(List<JsonNode> sent, List<MultipartMixed.Part> attachments, boolean batch,
            String stamped) {
        Instant stored = clock.begin();
        try {
            List<UUID> ids = statements.store(sent, attachments, batch, stamped, stored);
            trail.detail("statements", ids.size()).detail("attachments", attachments.size());
            return ids;
        } finally {
            clock.finished(stored);
        }
    }

    /**
     * JSON; with attachments=true multipart/mixed: the JSON first, then the content of each attachment of
     * {@code found} whose sender holds it. Streamed, one attachment's content read and written at a time, so that an
     * answer naming many attachments never sits in memory whole.
     */
    private Response.ResponseBuilder answer(JsonNode json, List<StatementService.StoredStatement> found,
            boolean attachments) {
        if (!attachments) {
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE);
        }
        List<XapiAttachmentRepository.Kept> kept = statements.attachmentsOf(found);
        MultipartMixed.Part first = new MultipartMixed.Part(Map.of("Content-Type", MediaType.APPLICATION_JSON),
                json.toString().getBytes(StandardCharsets.UTF_8));
        String boundary = "xapi-" + UUID.randomUUID();
        StreamingOutput body = out -> {
            MultipartMixed.writePart(out, boundary, first);
            for (XapiAttachmentRepository.Kept attachment : kept) {
                MultipartMixed.writePart(out, boundary, new MultipartMixed.Part(Map.of("Content-Type",
                        attachment.contentType(), "Content-Transfer-Encoding", "binary",
                        StatementAttachments.HASH_HEADER, attachment.sha2()), statements.content(attachment.sha2())));
                out.flush();
            }
            MultipartMixed.writeEnd(out, boundary);
        };
        return Response.ok(body, MULTIPART_MIXED + "; boundary=" + boundary);
    }

    /** What a POST or PUT carries: the statements' JSON, and the attachment parts of a multipart/mixed request. */
    private record Sent(JsonNode statements, List<MultipartMixed.Part> attachments) {

        static Sent read(byte[] request, String contentType, ObjectMapper mapper) throws IOException {
            byte[] json = request == null ? new byte[0] : request;
            List<MultipartMixed.Part> attachments = List.of();
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MULTIPART_MIXED)) {
                List<MultipartMixed.Part> parts = MultipartMixed.parse(json, MultipartMixed.boundary(contentType));
                if (parts.isEmpty() || parts.get(0).header("Content-Type") == null
                        || !parts.get(0).header("Content-Type").toLowerCase(Locale.ROOT).startsWith("application/json")) {
                    throw InvalidRequestException.of("body", "the first part of a multipart/mixed request must be the "
                            + "statements as application/json");
                }
                json = parts.get(0).content();
                attachments = parts.subList(1, parts.size());
            }
            // A body that is not JSON fails here with Jackson's exception, which the problem mappers name.
            return new Sent(json.length == 0 ? null : mapper.readTree(json), attachments);
        }
    }

    private static void noParameters(UriInfo uri, List<String> allowed) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                throw InvalidRequestException.of(name, "is not a parameter of this request");
            }
        }
    }

    private static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of(field, "required");
        }
        return StatementQuery.uuid(field, value);
    }
}
