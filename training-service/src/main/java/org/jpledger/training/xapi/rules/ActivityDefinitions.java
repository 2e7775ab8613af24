package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpledger.support.json.StrictJson;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * An activity's canonical definition as statements give it: the activities a statement carries with a definition, and
 * how a newer definition updates the one kept (Data 2.4.4.1: the LRS updates its definition from newer statements).
 */
public final class ActivityDefinitions {

    /** The definition's language maps: merged, where every other field is replaced. */
    private static final Set<String> LANGUAGE_MAPS = Set.of("name", "description");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ActivityDefinitions() {
    }

    /** One activity a statement carries with its definition. */
    public record Carried(String id, JsonNode definition) {
    }

    /**
     * The activities with a definition that a well-formed {@code statement} carries, in its order: the object, the
     * context activities, then a sub-statement's object and context activities. A context activity list may be a
     * single object (as 1.0 clients send it) or an array.
     */
    public static List<Carried> carried(JsonNode statement) {
        List<Carried> found = new ArrayList<>();
        collect(statement, found);
        JsonNode object = statement.path("object");
        if ("SubStatement".equals(object.path("objectType").asText(null))) {
            collect(object, found);
        }
        return found;
    }

    private static void collect(JsonNode statement, List<Carried> found) {
        JsonNode object = statement.path("object");
        if ("Activity".equals(object.path("objectType").asText("Activity"))) {
            add(object, found);
        }
        for (JsonNode list : statement.path("context").path("contextActivities")) {
            for (JsonNode activity : list.isArray() ? list : List.of(list)) {
                add(activity, found);
            }
        }
    }

    private static void add(JsonNode activity, List<Carried> found) {
        if (activity.path("id").isTextual() && activity.path("definition").isObject()) {
            found.add(new Carried(activity.get("id").asText(), activity.get("definition")));
        }
    }

    /**
     * {@code stored} (null when none is kept) updated by {@code newer}: each language map merged key by key (newer's
     * texts win), every other field newer gives (type, moreInfo, interaction fields, extensions) replacing the kept
     * one, fields newer leaves out kept. When the merged definition would pass {@code limit} bytes, {@code newer}
     * alone replaces it: a definition then never grows by merging past the limit, and one given whole is bounded by
     * the request it came in.
     */
    public static ObjectNode merge(ObjectNode stored, JsonNode newer, long limit) {
        if (stored == null) {
            return newer.deepCopy();
        }
        ObjectNode merged = stored.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = newer.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode kept = merged.get(field.getKey());
            if (LANGUAGE_MAPS.contains(field.getKey()) && kept != null && kept.isObject() && field.getValue().isObject()) {
                ((ObjectNode) kept).setAll((ObjectNode) field.getValue().deepCopy());
            } else {
                merged.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return bytes(merged) > limit ? newer.deepCopy() : merged;
    }

    /** The size of {@code definition} as stored, in UTF-8 bytes. */
    public static long bytes(JsonNode definition) {
        try {
            return JSON.writeValueAsBytes(definition).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a definition cannot be written", e);
        }
    }

    /** The activityId parameter: required, and an absolute IRI as in statements (400 otherwise). */
    public static String activityId(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw InvalidRequestException.of(field, "required: the activity's IRI");
        }
        // Control characters (NUL above all, which the database cannot hold) are no part of an IRI.
        if (!JsonChecks.IRI.matcher(value).matches() || value.chars().anyMatch(Character::isISOControl)
                || !StrictJson.StorableText.storable(value)) {
            throw InvalidRequestException.of(field, "must be an absolute IRI");
        }
        return value;
    }
}
