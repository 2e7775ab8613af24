package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A context's activity lists (parent, grouping, category, other) in the one form the store keeps and answers: an array
 * even when the client sent a single activity object (xAPI Data 2.4.6.2: "the LRS shall return every value in the
 * contextActivities Object as an array, even if it arrived as a single Activity Object").
 */
public final class ContextActivities {

    private static final List<String> LISTS = List.of("parent", "grouping", "category", "other");

    private ContextActivities() {
    }

    /** Wraps, in place, each single activity in the context activities of {@code statement} and its sub-statement. */
    public static void asArrays(JsonNode statement) {
        wrap(statement.path("context").path("contextActivities"));
        JsonNode object = statement.path("object");
        if ("SubStatement".equals(object.path("objectType").asText(null))) {
            wrap(object.path("context").path("contextActivities"));
        }
    }

    /** Wraps, in place, each single activity of one contextActivities object; anything else is left as it is. */
    static void wrap(JsonNode contextActivities) {
        if (!(contextActivities instanceof ObjectNode lists)) {
            return;
        }
        for (String key : LISTS) {
            JsonNode value = lists.get(key);
            if (value != null && value.isObject()) {
                ArrayNode array = lists.arrayNode();
                array.add(value);
                lists.set(key, array);
            }
        }
    }
}
