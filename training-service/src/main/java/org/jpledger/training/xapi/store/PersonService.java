package org.jpledger.training.xapi.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import org.jpledger.support.security.Caller;
import org.jpledger.training.xapi.config.XapiConfig;
import org.jpledger.training.xapi.rules.Agents;
import org.jpledger.training.xapi.rules.Persons;

/**
 * The Agents Resource's use case: the Person object of an agent, with the names the caller's own statements gave it.
 */
@ApplicationScoped
public class PersonService {

    // Statements this service stored: plain reading, the request rules were applied when they came in.
    private static final ObjectMapper READER = new ObjectMapper();

    private final XapiStatementRepository statements;
    private final XapiConfig config;
    private final Caller caller;

    public PersonService(XapiStatementRepository statements, XapiConfig config, Caller caller) {
        this.statements = statements;
        this.config = config;
        this.caller = caller;
    }

    /**
     * The Person of {@code agent} (a well-formed Agent): its identifier and name, and the names it has in the newest
     * {@code jpledger.xapi.person-statements} of the caller's statements naming it as actor or object. A system sees
     * only what its own statements said, as it reads only its own statements.
     */
    @Transactional
    public ObjectNode person(JsonNode agent) {
        List<JsonNode> seen = new ArrayList<>();
        for (String[] row : statements.agentsNaming(caller.system(), Agents.key(agent), config.personStatements())) {
            for (String json : row) {
                if (json != null) {
                    seen.add(read(json));
                }
            }
        }
        return Persons.person(agent, seen);
    }

    private static JsonNode read(String json) {
        try {
            return READER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored statement is unreadable", e);
        }
    }
}
