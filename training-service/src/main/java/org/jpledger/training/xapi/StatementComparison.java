package org.jpledger.training.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/**
 * Whether a statement sent again with a stored statement's id is the same statement: equal apart from what the store
 * sets (id, stored, authority, version, and the timestamp when the client left it out), with timestamps compared as
 * instants and numbers by value.
 */
public final class StatementComparison {

    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private StatementComparison() {
    }

    public static boolean equivalent(JsonNode stored, JsonNode incoming) {
        ObjectNode a = stripped(stored);
        ObjectNode b = stripped(incoming);
        JsonNode incomingTime = incoming.get("timestamp");
        if (incomingTime != null) {
            JsonNode storedTime = stored.get("timestamp");
            if (storedTime == null || !Timestamps.parse(storedTime.asText()).equals(Timestamps.parse(incomingTime.asText()))) {
                return false;
            }
        }
        a.remove("timestamp");
        b.remove("timestamp");
        return a.equals(BY_VALUE, b);
    }

    private static ObjectNode stripped(JsonNode statement) {
        ObjectNode copy = (ObjectNode) statement.deepCopy();
        copy.remove(java.util.List.of("id", "stored", "authority", "version"));
        return copy;
    }
}
