package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.jpledger.support.problem.FieldErrors;

/** A statement's result: score, success, completion, response, duration, extensions. */
final class ResultChecks extends JsonChecks {

    private static final Set<String> RESULT = Set.of("score", "success", "completion", "response", "duration",
            "extensions");
    private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");

    ResultChecks(FieldErrors errors) {
        super(errors);
    }

    void result(JsonNode r, String path) {
        if (!object(r, path, RESULT)) {
            return;
        }
        optional(r, "score", path, this::score);
        optional(r, "success", path, this::flag);
        optional(r, "completion", path, this::flag);
        optional(r, "response", path, this::text);
        optional(r, "duration", path, (d, p) -> {
            if (!d.isTextual() || Durations.parse(d.asText()).isEmpty()) {
                errors.add(p, "must be an ISO 8601 duration such as PT1H30M");
            }
        });
        optional(r, "extensions", path, this::extensions);
    }

    private void score(JsonNode s, String path) {
        if (!object(s, path, SCORE)) {
            return;
        }
        for (String key : SCORE) {
            optional(s, key, path, (n, p) -> {
                if (!n.isNumber()) {
                    errors.add(p, "must be a number");
                }
            });
        }
        JsonNode scaled = s.path("scaled");
        if (scaled.isNumber() && (scaled.asDouble() < -1 || scaled.asDouble() > 1)) {
            errors.add(join(path, "scaled"), "must be between -1 and 1");
        }
        JsonNode raw = s.path("raw");
        JsonNode min = s.path("min");
        JsonNode max = s.path("max");
        if (min.isNumber() && max.isNumber() && min.asDouble() >= max.asDouble()) {
            errors.add(join(path, "max"), "must be greater than min");
        }
        if (raw.isNumber() && (min.isNumber() && raw.asDouble() < min.asDouble()
                || max.isNumber() && raw.asDouble() > max.asDouble())) {
            errors.add(join(path, "raw"), "must be between min and max");
        }
    }
}
