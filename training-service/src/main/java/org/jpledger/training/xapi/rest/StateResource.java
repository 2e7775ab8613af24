package org.jpledger.training.xapi.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
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
import org.jpledger.support.audit.Audited;
import org.jpledger.training.xapi.rules.DocumentKey;

/**
 * The xAPI 2.0 State Resource (Communication 2.3): a learning platform keeps an activity's state for an agent (and a
 * registration) as a document of its own.
 * A system reads and changes only its own documents (docs/xapi.md).
 */
@Path("/xapi/activities/state")
@Tag(name = "xAPI", description = "Learning Record Store: xAPI statements from learning platforms (docs/xapi.md)")
public class StateResource {

    private static final DocumentKey.Kind KIND = DocumentKey.Kind.STATE;

    private final DocumentRequests requests;

    public StateResource(DocumentRequests requests) {
        this.requests = requests;
    }

    @PUT
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("xapi.documents.put")
    @Operation(summary = "Store a state document",
            description = "Stores the body, with its media type, as the state document named by the parameters, "
                    + "replacing the stored one. Over a stored document the request must carry If-Match (its ETag) or "
                    + "If-None-Match (409 otherwise), so that no client overwrites what it has not read.")
    @Parameter(name = "activityId", in = ParameterIn.QUERY, required = true, description = "The activity's IRI")
    @Parameter(name = "agent", in = ParameterIn.QUERY, required = true, description = "The agent (an Agent or "
            + "identified Group, as JSON) whose state it is")
    @Parameter(name = "registration", in = ParameterIn.QUERY, required = false, description = "The registration (a "
            + "UUID) the state belongs to; states without one are apart from those with one")
    @Parameter(name = "stateId", in = ParameterIn.QUERY, required = true, description = "The state document's id (at "
            + "most jpledger.xapi.document-id-length characters)")
    @APIResponse(responseCode = "204", description = "Stored")
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter (activityId, agent, "
            + "registration, stateId), or an unknown one; nothing stored")
    @APIResponse(responseCode = "409", description = "A document is stored under this key and the request carries "
            + "neither If-Match nor If-None-Match; nothing stored")
    @APIResponse(responseCode = "412", description = "If-Match or If-None-Match does not hold; nothing stored")
    @APIResponse(responseCode = "413", description = "The document passes jpledger.xapi.document-bytes, or a new one "
            + "would pass jpledger.xapi.documents-per-scope (per agent and activity, all registrations together); "
            + "nothing stored")
    public Response put(
            @Parameter(description = "The document's media type, kept and answered by GET (application/octet-stream "
                    + "when none)")
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "The body's length; over jpledger.xapi.document-bytes it is refused before it is "
                    + "read")
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @Parameter(description = "The stored document's ETag (or *): change it only if it is still that one")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "*: store only if no document is stored under this key")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri,
            @RequestBody(description = "The document: any media type",
                    content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
            InputStream body) throws IOException {
        return requests.put(KIND, uri, contentType, contentLength, ifMatch, ifNoneMatch, body);
    }

    @POST
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("xapi.documents.post")
    @Operation(summary = "Merge into a state document",
            description = "Merges the body, a JSON object, into the stored one one level deep (each top-level property "
                    + "sent replaces the stored one whole); stores it when none is stored. Both must be "
                    + "application/json objects.")
    @Parameter(name = "activityId", in = ParameterIn.QUERY, required = true, description = "The activity's IRI")
    @Parameter(name = "agent", in = ParameterIn.QUERY, required = true, description = "The agent (an Agent or "
            + "identified Group, as JSON) whose state it is")
    @Parameter(name = "registration", in = ParameterIn.QUERY, required = false, description = "The registration (a "
            + "UUID) the state belongs to; states without one are apart from those with one")
    @Parameter(name = "stateId", in = ParameterIn.QUERY, required = true, description = "The state document's id (at "
            + "most jpledger.xapi.document-id-length characters)")
    @APIResponse(responseCode = "204", description = "Merged, or stored")
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter (activityId, agent, "
            + "registration, stateId), or an unknown one, or the stored or the sent document is not a JSON object "
            + "(application/json); nothing stored")
    @APIResponse(responseCode = "412", description = "If-Match or If-None-Match does not hold; nothing stored")
    @APIResponse(responseCode = "413", description = "The document (or the merge) passes jpledger.xapi.document-bytes, "
            + "or a new one would pass jpledger.xapi.documents-per-scope; nothing stored")
    public Response post(
            @Parameter(description = "The document's media type, kept and answered by GET (application/octet-stream "
                    + "when none)")
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "The body's length; over jpledger.xapi.document-bytes it is refused before it is "
                    + "read")
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength,
            @Parameter(description = "The stored document's ETag (or *): change it only if it is still that one")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "*: store only if no document is stored under this key")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri,
            @RequestBody(description = "The document: any media type",
                    content = @Content(schema = @Schema(type = SchemaType.STRING, format = "binary")))
            InputStream body) throws IOException {
        return requests.post(KIND, uri, contentType, contentLength, ifMatch, ifNoneMatch, body);
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ADMIN})
    @Operation(summary = "Read a state document, or the ids of the state documents",
            description = "With stateId: the document's bytes with its stored media type, its ETag (quoted) and "
                    + "Last-Modified. Without: the JSON array of the ids of the caller's state documents under the "
                    + "other parameters, changed after since when given. HEAD answers the same headers without the "
                    + "body.")
    @Parameter(name = "activityId", in = ParameterIn.QUERY, required = true, description = "The activity's IRI")
    @Parameter(name = "agent", in = ParameterIn.QUERY, required = true, description = "The agent (an Agent or "
            + "identified Group, as JSON) whose state it is")
    @Parameter(name = "registration", in = ParameterIn.QUERY, required = false, description = "The registration (a "
            + "UUID) the state belongs to; states without one are apart from those with one")
    @Parameter(name = "stateId", in = ParameterIn.QUERY, required = false, description = "The state document's id (at "
            + "most jpledger.xapi.document-id-length characters)")
    @Parameter(name = "since", in = ParameterIn.QUERY, description = "Without stateId: only the ids of documents "
            + "changed after this time")
    @APIResponse(responseCode = "200", description = "The document, or the array of ids")
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter (activityId, agent, "
            + "registration, stateId), or an unknown one, or a since that is no timestamp")
    @APIResponse(responseCode = "404", description = "No such document among the caller's")
    public Response get(@Context UriInfo uri) {
        return requests.get(KIND, uri);
    }

    @DELETE
    @RolesAllowed(Access.TRAINING_WRITER)
    @Audited("xapi.documents.delete")
    @Operation(summary = "Delete state documents",
            description = "Deletes the state document named by stateId; without stateId, every state document of the "
                    + "agent and activity (and registration: without one, those without a registration). Nothing to "
                    + "delete is no failure.")
    @Parameter(name = "activityId", in = ParameterIn.QUERY, required = true, description = "The activity's IRI")
    @Parameter(name = "agent", in = ParameterIn.QUERY, required = true, description = "The agent (an Agent or "
            + "identified Group, as JSON) whose state it is")
    @Parameter(name = "registration", in = ParameterIn.QUERY, required = false, description = "The registration (a "
            + "UUID) the state belongs to; states without one are apart from those with one")
    @Parameter(name = "stateId", in = ParameterIn.QUERY, required = false, description = "The state document's id (at "
            + "most jpledger.xapi.document-id-length characters)")
    @APIResponse(responseCode = "204", description = "Deleted, or nothing was stored")
    @APIResponse(responseCode = "400", description = "A missing or malformed parameter (activityId, agent, "
            + "registration, stateId), or an unknown one")
    @APIResponse(responseCode = "412", description = "If-Match or If-None-Match does not hold; nothing deleted")
    public Response delete(
            @Parameter(description = "The stored document's ETag (or *): delete it only if it is still that one")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Delete only if the stored document is not the one with this ETag")
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        return requests.delete(KIND, uri, ifMatch, ifNoneMatch, true);
    }
}
