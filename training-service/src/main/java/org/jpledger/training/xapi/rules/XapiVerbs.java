package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.jpledger.contracts.xapi.XapiProfile;

/** Questions about a statement's verb. */
public final class XapiVerbs {

    private XapiVerbs() {
    }

    /** Whether the statement voids another (verb voided; its object is then a StatementRef). */
    public static boolean isVoiding(JsonNode statement) {
        return XapiProfile.VOIDED.equals(statement.path("verb").path("id").asText(null))
                && "StatementRef".equals(statement.path("object").path("objectType").asText(null));
    }
}
