package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jpledger.support.problem.FieldErrors;

/**
 * The checks every part of a statement is made of (an object with known keys, required and optional properties, IRIs,
 * UUIDs, timestamps, language maps), adding each broken rule with its JSON path to one shared list of errors.
 */
abstract class JsonChecks {

    static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+");
    static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    final FieldErrors errors;

    JsonChecks(FieldErrors errors) {
        this.errors = errors;
    }

    /** Whether {@code text} is a UUID in its 36-character form (hex digits only, no signs). */
    static boolean isUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    void extensions(JsonNode e, String path) {
        if (!e.isObject()) {
            errors.add(path, "must be an object whose keys are IRIs");
            return;
        }
        Iterator<String> keys = e.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            if (!IRI.matcher(key).matches()) {
                errors.add(join(path, key), "extension keys must be IRIs");
            }
        }
    }

    void languageMap(JsonNode m, String path) {
        if (!m.isObject()) {
            errors.add(path, "must be a language map (language tag to text)");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!LANGUAGE_TAG.matcher(entry.getKey()).matches()) {
                errors.add(join(path, entry.getKey()), "must be an RFC 5646 language tag");
            }
            text(entry.getValue(), join(path, entry.getKey()));
        }
    }

    void uuid(JsonNode v, String path) {
        if (!v.isTextual() || !isUuid(v.asText())) {
            errors.add(path, "must be a UUID");
        }
    }

    void timestamp(JsonNode v, String path) {
        if (!v.isTextual()) {
            errors.add(path, "must be an ISO 8601 timestamp with a time zone");
            return;
        }
        try {
            Timestamps.parse(v.asText());
        } catch (DateTimeParseException e) {
            errors.add(path, "must be an ISO 8601 timestamp with a time zone");
        }
    }

    void iri(JsonNode v, String path) {
        if (!v.isTextual() || !IRI.matcher(v.asText()).matches()) {
            errors.add(path, "must be an absolute IRI");
        }
    }

    void text(JsonNode v, String path) {
        if (!v.isTextual()) {
            errors.add(path, "must be a string");
        }
    }

    void nonEmptyText(JsonNode v, String path) {
        if (!v.isTextual() || v.asText().isEmpty()) {
            errors.add(path, "must be a non-empty string");
        }
    }

    void flag(JsonNode v, String path) {
        if (!v.isBoolean()) {
            errors.add(path, "must be true or false");
        }
    }

    /** True when {@code node} is an object with only {@code allowed} keys; names each stranger otherwise. */
    boolean object(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            errors.add(path, "must be an object");
            return false;
        }
        boolean clean = true;
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                errors.add(join(path, key), "is not a property here");
                clean = false;
            }
        }
        return clean;
    }

    void required(JsonNode parent, String key, String path, Check check) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            errors.add(join(path, key), "is required");
        } else {
            check.apply(value, join(path, key));
        }
    }

    void optional(JsonNode parent, String key, String path, Check check) {
        JsonNode value = parent.get(key);
        if (value != null) {
            if (value.isNull()) {
                errors.add(join(path, key), "must not be null; leave it out instead");
            } else {
                check.apply(value, join(path, key));
            }
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    interface Check {
        void apply(JsonNode value, String path);
    }
}
