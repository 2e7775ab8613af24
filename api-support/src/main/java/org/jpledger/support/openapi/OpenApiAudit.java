package org.jpledger.support.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds what an OpenAPI document leaves undescribed: operations without summary or description, parameters and schema
 * properties without description, operations taking input without an error response, error responses that are not
 * problem details, and references to schemas the document does not define. Each service's tests require the list to be
 * empty.
 */
public final class OpenApiAudit {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiAudit() {
    }

    public static List<String> gaps(JsonNode openApi) {
        List<String> gaps = new ArrayList<>();
        openApi.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (!METHODS.contains(method.getKey())) {
                return;
            }
            String where = method.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = method.getValue();
            requireText(operation, "summary", where, gaps);
            requireText(operation, "description", where, gaps);
            operation.path("parameters").forEach(parameter -> requireText(parameter, "description",
                    where + " parameter " + parameter.path("name").asText(), gaps));
            JsonNode responses = operation.path("responses");
            boolean takesInput = operation.has("requestBody") || !operation.path("parameters").isEmpty();
            boolean hasError = false;
            for (var response : responses.properties()) {
                if (response.getKey().startsWith("4")) {
                    hasError = true;
                    if (!response.getValue().path("content").has(PROBLEM_JSON)) {
                        gaps.add(where + " response " + response.getKey() + ": not " + PROBLEM_JSON);
                    }
                }
            }
            if (takesInput && !hasError) {
                gaps.add(where + ": takes input but documents no 4xx response");
            }
        }));
        unresolvedReferences(openApi, openApi, gaps);
        openApi.path("components").path("schemas").properties().forEach(schema -> schema.getValue().path("properties")
                .properties().forEach(property -> requireText(property.getValue(), "description",
                        "schema " + schema.getKey() + "." + property.getKey(), gaps)));
        return gaps;
    }

    /** A reference to a schema the document does not define leaves a reader (and a client generator) nothing. */
    private static void unresolvedReferences(JsonNode root, JsonNode node, List<String> gaps) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && ref.asText().startsWith("#/")
                && root.at(ref.asText().substring(1)).isMissingNode()) {
            gaps.add("reference " + ref.asText() + ": not defined");
        }
        node.forEach(child -> unresolvedReferences(root, child, gaps));
    }

    private static void requireText(JsonNode node, String field, String where, List<String> gaps) {
        if (node.path(field).asText("").isBlank()) {
            gaps.add(where + ": no " + field);
        }
    }
}
