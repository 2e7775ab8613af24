package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import org.jpledger.support.json.StrictJson;
import org.jpledger.support.problem.InvalidRequestException;

/** How xAPI agents are told apart: by their inverse functional identifier. */
public final class Agents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Agents() {
    }

    /**
     * The identifier of the agent a request parameter names (an Agent or identified Group as JSON), checked as a
     * statement's actor is; refuses (400, under {@code parameter}) text that is not one, and an anonymous group.
     */
    public static String keyOfParameter(String parameter, String text) {
        JsonNode agent;
        try {
            agent = JSON.readTree(text);
        } catch (Exception e) {
            throw InvalidRequestException.of(parameter, "must be an Agent or Group as JSON");
        }
        if (agent == null || !agent.isObject()) {
            throw InvalidRequestException.of(parameter, "must be an Agent or Group as JSON");
        }
        StatementValidator.checkActor(agent, parameter);
        String key = key(agent);
        if (key == null) {
            throw InvalidRequestException.of(parameter, "an anonymous group names no one; give an identifier");
        }
        // The key is compared with text columns, which cannot hold a NUL or an unpaired surrogate.
        if (!StrictJson.StorableText.storable(key)) {
            throw InvalidRequestException.of(parameter, "must not contain NUL characters or unpaired surrogates");
        }
        return key;
    }

    /**
     * The identifier that tells agents (and identified groups) apart: two agents are the same when they have the same
     * inverse functional identifier. Null for an anonymous group.
     */
    public static String key(JsonNode agent) {
        if (agent.hasNonNull("mbox")) {
            return "mbox:" + agent.get("mbox").asText();
        }
        if (agent.hasNonNull("mbox_sha1sum")) {
            return "mbox_sha1sum:" + agent.get("mbox_sha1sum").asText().toLowerCase(Locale.ROOT);
        }
        if (agent.hasNonNull("openid")) {
            return "openid:" + agent.get("openid").asText();
        }
        if (agent.hasNonNull("account")) {
            return "account:" + agent.get("account").path("homePage").asText() + "|"
                    + agent.get("account").path("name").asText();
        }
        return null;
    }
}
