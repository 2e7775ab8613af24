package org.jpledger.training.xapi.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.xapi.rules.Persons;
import org.jpledger.training.xapi.store.PersonService;

/** The xAPI Agents Resource (Communication 2.4): the Person object of an agent, as the caller's statements know it. */
@Path("/xapi/agents")
@Tag(name = "xAPI")
@Produces(MediaType.APPLICATION_JSON)
public class AgentsResource {

    private static final String AGENT = "agent";

    private final PersonService persons;
    private final ObjectMapper mapper;

    public AgentsResource(PersonService persons, ObjectMapper mapper) {
        this.persons = persons;
        this.mapper = mapper;
    }

    @GET
    @RolesAllowed({Access.TRAINING_READER, Access.TRAINING_WRITER, Access.ADMIN})
    @Operation(summary = "The Person object of an agent",
            description = "A Person object (objectType Person, each property an array): the agent's identifier, its "
                    + "name and the names the caller's own statements gave it (the newest "
                    + "jpledger.xapi.person-statements of them naming it as actor or object). The store links no "
                    + "identities, so a Person holds one identifier. An agent the caller never named still has its "
                    + "Person. HEAD answers the same without the body.")
    @Parameter(name = AGENT, in = ParameterIn.QUERY, required = true,
            description = "The Agent as JSON (one of mbox, mbox_sha1sum, openid, account; a name is optional)")
    @APIResponse(responseCode = "200", description = "The Person object",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "400", description = "No agent, an agent that is not a well-formed Agent (a Group, no "
            + "identifier or more than one, not JSON), an unknown or repeated parameter, or no xAPI version header")
    public ObjectNode get(@Context UriInfo uri) {
        Map<String, String> given = QueryParameters.of(uri, Set.of(AGENT));
        String text = given.get(AGENT);
        if (text == null || text.isBlank()) {
            throw InvalidRequestException.of(AGENT, "required: the Agent as JSON");
        }
        JsonNode agent;
        try {
            agent = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of(AGENT, "must be an Agent as JSON");
        }
        return persons.person(Persons.checkAgent(agent, AGENT));
    }
}
