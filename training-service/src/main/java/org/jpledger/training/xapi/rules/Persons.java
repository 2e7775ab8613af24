package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpledger.support.json.StrictJson;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * The Person object of the Agents Resource (Communication 2.4): every property an array, holding what the store knows
 * of one agent. The store links no identities, so a Person holds the one identifier asked for, and the names the
 * agent was given (in the request and in the statements read).
 */
public final class Persons {

    private static final List<String> IDENTIFIERS = List.of("mbox", "mbox_sha1sum", "openid", "account");

    private Persons() {
    }

    /**
     * The agent parameter: a well-formed Agent (an objectType of Agent or none, one identifier), as the Statement
     * Resource checks agents; a Group is no agent here (400).
     */
    public static JsonNode checkAgent(JsonNode agent, String field) {
        if (agent == null || !agent.isObject()) {
            throw InvalidRequestException.of(field, "must be an Agent as JSON");
        }
        if (!"Agent".equals(agent.path("objectType").asText("Agent"))) {
            throw InvalidRequestException.of(field + ".objectType", "must be Agent (or left out): the Agents Resource "
                    + "describes agents, not groups");
        }
        StatementValidator.checkActor(agent, field);
        storable(agent, field);
        return agent;
    }

    /** Text the database cannot hold (NUL, unpaired surrogates) cannot name an agent the store looks up (400). */
    private static void storable(JsonNode node, String path) {
        if (node.isTextual() && !StrictJson.StorableText.storable(node.asText())) {
            throw InvalidRequestException.of(path, "must not contain NUL characters or unpaired surrogates");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> child = it.next();
            storable(child.getValue(), path + "." + child.getKey());
        }
    }

    /**
     * The Person of {@code agent} (well-formed, see {@link #checkAgent}): its identifier, and its name followed by the
     * names {@code seen} gives it. {@code seen} are actors and objects of statements: an agent, or a group whose
     * members are looked at too; only those with the agent's identifier count.
     */
    public static ObjectNode person(JsonNode agent, List<JsonNode> seen) {
        String key = Agents.key(agent);
        Set<String> names = new LinkedHashSet<>();
        if (agent.path("name").isTextual()) {
            names.add(agent.get("name").asText());
        }
        for (JsonNode node : seen) {
            List<JsonNode> candidates = new ArrayList<>();
            candidates.add(node);
            node.path("member").forEach(candidates::add);
            for (JsonNode candidate : candidates) {
                if (candidate.isObject() && candidate.path("name").isTextual() && key.equals(Agents.key(candidate))
                        && !"Group".equals(candidate.path("objectType").asText(null))) {
                    names.add(candidate.get("name").asText());
                }
            }
        }
        ObjectNode person = JsonNodeFactory.instance.objectNode();
        person.put("objectType", "Person");
        if (!names.isEmpty()) {
            names.forEach(person.putArray("name")::add);
        }
        for (String identifier : IDENTIFIERS) {
            if (agent.hasNonNull(identifier)) {
                person.putArray(identifier).add(agent.get(identifier).deepCopy());
            }
        }
        return person;
    }
}
