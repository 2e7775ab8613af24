package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Test helper: statements from JSON text, and copies of them with one property set or removed. */
public final class XapiJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private XapiJson() {
    }

    /** The JSON value of {@code text}. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("test JSON does not parse: " + text, e);
        }
    }

    /** The JSON object of {@code text}, as a fresh copy that a test may change. */
    public static ObjectNode object(String text) {
        return (ObjectNode) parse(text);
    }

    /**
     * {@code statement} with the value at {@code pointer} (e.g. "/context/revision") set to the JSON {@code value},
     * creating the objects on the way; the statement itself is left as it was.
     */
    public static ObjectNode with(JsonNode statement, String pointer, String value) {
        ObjectNode copy = statement.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        ObjectNode parent = at.head().matches() ? copy : copy.withObject(at.head());
        parent.set(at.last().getMatchingProperty(), parse(value));
        return copy;
    }

    /** {@code statement} without the property at {@code pointer}; the statement itself is left as it was. */
    public static ObjectNode without(JsonNode statement, String pointer) {
        ObjectNode copy = statement.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        ((ObjectNode) parent).remove(at.last().getMatchingProperty());
        return copy;
    }
}
