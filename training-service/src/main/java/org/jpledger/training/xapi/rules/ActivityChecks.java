package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.jpledger.support.problem.FieldErrors;

/** The activity parts of a statement (object, context activities) and statement references. */
final class ActivityChecks extends JsonChecks {

    private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION = Set.of("name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    private static final Set<String> INTERACTION_LISTS = Set.of("choices", "scale", "source", "target", "steps");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    private static final Set<String> STATEMENT_REF = Set.of("objectType", "id");

    ActivityChecks(FieldErrors errors) {
        super(errors);
    }

    void activity(JsonNode a, String path) {
        if (object(a, path, ACTIVITY)) {
            required(a, "id", path, this::iri);
            optional(a, "definition", path, this::definition);
        }
    }

    void activityOnly(JsonNode a, String path) {
        if (!"Activity".equals(a.path("objectType").asText("Activity"))) {
            errors.add(join(path, "objectType"), "must be Activity");
        } else {
            activity(a, path);
        }
    }

    private void definition(JsonNode d, String path) {
        if (!object(d, path, DEFINITION)) {
            return;
        }
        optional(d, "name", path, this::languageMap);
        optional(d, "description", path, this::languageMap);
        optional(d, "type", path, this::iri);
        optional(d, "moreInfo", path, this::iri);
        optional(d, "extensions", path, this::extensions);
        optional(d, "interactionType", path, (t, p) -> {
            if (!t.isTextual() || !INTERACTION_TYPES.contains(t.asText())) {
                errors.add(p, "must be one of " + String.join(", ", INTERACTION_TYPES.stream().sorted().toList()));
            }
        });
        optional(d, "correctResponsesPattern", path, (c, p) -> {
            if (!c.isArray()) {
                errors.add(p, "must be an array of strings");
                return;
            }
            for (int i = 0; i < c.size(); i++) {
                text(c.get(i), p + "[" + i + "]");
            }
        });
        for (String list : INTERACTION_LISTS) {
            optional(d, list, path, (components, p) -> {
                if (!components.isArray()) {
                    errors.add(p, "must be an array of interaction components");
                    return;
                }
                for (int i = 0; i < components.size(); i++) {
                    String item = p + "[" + i + "]";
                    if (object(components.get(i), item, Set.of("id", "description"))) {
                        required(components.get(i), "id", item, this::nonEmptyText);
                        optional(components.get(i), "description", item, this::languageMap);
                    }
                }
            });
        }
        if (!d.has("interactionType") && (d.has("correctResponsesPattern")
                || INTERACTION_LISTS.stream().anyMatch(d::has))) {
            errors.add(join(path, "interactionType"), "required with interaction properties");
        }
    }

    void statementRef(JsonNode r, String path) {
        if (object(r, path, STATEMENT_REF)) {
            if (!"StatementRef".equals(r.path("objectType").asText(null))) {
                errors.add(join(path, "objectType"), "must be StatementRef");
            }
            required(r, "id", path, this::uuid);
        }
    }
}
