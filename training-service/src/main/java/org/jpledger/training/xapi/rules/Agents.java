package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** How xAPI agents are told apart: by their inverse functional identifier. */
public final class Agents {

    private Agents() {
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
