package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a statement sent again with a stored statement's id is the same statement (xAPI 2.3.1, "Statement
 * Immutability"): equal apart from what the store sets (id, stored, authority, version, and the timestamp when the
 * client left it out) and the listed exceptions: verb displays, activity definitions, attachments, the order of a group's
 * members, the way a timestamp is written, a single context activity for an array of it, a duration's seconds past
 * the hundredths and the case of what is case-insensitive (UUIDs, an e-mail's domain). Numbers are compared by value.
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
        ObjectNode a = (ObjectNode) stored.deepCopy();
        ObjectNode b = (ObjectNode) incoming.deepCopy();
        for (ObjectNode statement : List.of(a, b)) {
            statement.remove(List.of("id", "stored", "authority", "version", "attachments"));
        }
        if (!incoming.has("timestamp")) {
            a.remove("timestamp");
        }
        normalize(a);
        normalize(b);
        return a.equals(BY_VALUE, b);
    }

    private static void lowerCase(ObjectNode object, String field) {
        if (object.get(field) != null && object.get(field).isTextual()) {
            object.put(field, object.get(field).asText().toLowerCase(Locale.ROOT));
        }
    }

    /** Drops or rewrites, in place, what does not count (extensions are data, and are left as they are). */
    private static void normalize(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("verb") instanceof ObjectNode verb) {
                verb.remove("display");
            }
            object.remove("definition");
            // A single context activity and an array of it are the same statement: the store keeps the array.
            ContextActivities.wrap(object.get("contextActivities"));
            if (object.get("timestamp") != null && object.get("timestamp").isTextual()) {
                object.put("timestamp", Timestamps.format(Timestamps.parse(object.get("timestamp").asText())));
            }
            if (object.get("duration") != null && object.get("duration").isTextual()) {
                object.put("duration", Durations.toHundredths(object.get("duration").asText()));
            }
            lowerCase(object, "registration");
            if ("StatementRef".equals(object.path("objectType").asText(null))) {
                lowerCase(object, "id");
            }
            if (object.get("mbox") != null && object.get("mbox").isTextual()) {
                String mbox = object.get("mbox").asText();
                int at = mbox.lastIndexOf('@');
                object.put("mbox", at < 0 ? mbox : mbox.substring(0, at) + mbox.substring(at).toLowerCase(Locale.ROOT));
            }
            if (object.get("member") instanceof ArrayNode members) {
                List<JsonNode> sorted = new ArrayList<>();
                members.forEach(sorted::add);
                sorted.sort(Comparator.comparing(m -> Objects.toString(Agents.key(m), m.toString())));
                members.removeAll();
                sorted.forEach(members::add);
            }
            object.properties().forEach(field -> {
                if (!"extensions".equals(field.getKey())) {
                    normalize(field.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(StatementComparison::normalize);
        }
    }
}
