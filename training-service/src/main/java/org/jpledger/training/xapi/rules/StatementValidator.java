package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jpledger.contracts.xapi.XapiProfile;
import org.jpledger.support.json.StrictJson;
import org.jpledger.support.problem.FieldErrors;

/**
 * Checks that a statement is a well-formed xAPI statement (IEEE 9274.1.1 and 1.0.3 data model): known properties only,
 * exactly one identifier per agent, IRIs, UUIDs, timestamps, durations, scores and language maps of the right shape,
 * and a voiding statement whose object is a StatementRef. Every broken rule is named with its JSON path. The statement's
 * own shape is checked here; its agents, activities, result, context and attachments by a checker each.
 */
public final class StatementValidator extends JsonChecks {

    private static final Set<String> STATEMENT = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> SUB_STATEMENT = Set.of("objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments");
    private static final Set<String> VERB = Set.of("id", "display");

    private static final Pattern VERSION = Pattern.compile("(1\\.0|2\\.0)(\\.\\d+)?");

    private final AgentChecks agents;
    private final ActivityChecks activities;
    private final ResultChecks results;
    private final ContextChecks contexts;
    private final AttachmentChecks attachments;

    private StatementValidator() {
        super(new FieldErrors());
        agents = new AgentChecks(errors);
        activities = new ActivityChecks(errors);
        results = new ResultChecks(errors);
        contexts = new ContextChecks(errors, agents, activities);
        attachments = new AttachmentChecks(errors);
    }

    /**
     * Refuses (400, naming every broken rule) a statement that is not well-formed; {@code path} is where it sits in the
     * request ("" for a single statement, "[2]" for the third of a batch).
     */
    public static void check(JsonNode statement, String path) {
        StatementValidator validator = new StatementValidator();
        validator.statement(statement, path);
        validator.storable(statement, path);
        validator.errors.throwIfAny();
    }

    /** Refuses (400) an Agent or Group that is not well-formed, e.g. a query's agent parameter. */
    public static void checkActor(JsonNode actor, String path) {
        StatementValidator validator = new StatementValidator();
        validator.agents.actor(actor, path);
        validator.errors.throwIfAny();
    }

    /** Text the database cannot hold (NUL, unpaired surrogates), in values or keys. */
    private void storable(JsonNode node, String path) {
        if (node.isTextual() && !StrictJson.StorableText.storable(node.asText())) {
            errors.add(path, "must not contain NUL characters or unpaired surrogates");
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!StrictJson.StorableText.storable(field.getKey())) {
                    errors.add(path, "a property name contains NUL characters or unpaired surrogates");
                } else {
                    storable(field.getValue(), join(path, field.getKey()));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                storable(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private void statement(JsonNode s, String path) {
        if (!s.isObject()) {
            errors.add(path.isEmpty() ? "statement" : path, "must be an object");
            return;
        }
        if (!object(s, path, STATEMENT)) {
            return;
        }
        optional(s, "id", path, this::uuid);
        optional(s, "timestamp", path, this::timestamp);
        optional(s, "stored", path, this::timestamp);
        optional(s, "authority", path, agents::authority);
        optional(s, "version", path, (v, p) -> {
            if (!v.isTextual() || !VERSION.matcher(v.asText()).matches()) {
                errors.add(p, "must be a 1.0.x or 2.0.x version");
            }
        });
        body(s, path, false);
    }

    /** What a statement and a sub-statement share: actor, verb, object, result, context, timestamp, attachments. */
    private void body(JsonNode s, String path, boolean sub) {
        required(s, "actor", path, agents::actor);
        required(s, "verb", path, this::verb);
        required(s, "object", path, (o, p) -> statementObject(o, p, sub));
        optional(s, "result", path, results::result);
        optional(s, "context", path, (c, p) -> contexts.context(c, p, s.path("object")));
        optional(s, "attachments", path, attachments::attachments);
        if (XapiProfile.VOIDED.equals(s.path("verb").path("id").asText(null))
                && !"StatementRef".equals(s.path("object").path("objectType").asText(null))) {
            errors.add(join(path, "object"), "a voiding statement's object must be a StatementRef");
        }
    }

    private void verb(JsonNode v, String path) {
        if (object(v, path, VERB)) {
            required(v, "id", path, this::iri);
            optional(v, "display", path, this::languageMap);
        }
    }

    private void statementObject(JsonNode o, String path, boolean sub) {
        if (!o.isObject()) {
            errors.add(path, "must be an object");
            return;
        }
        String type = o.path("objectType").asText("Activity");
        switch (type) {
            case "Activity" -> activities.activity(o, path);
            case "Agent" -> agents.agent(o, path);
            case "Group" -> agents.group(o, path);
            case "StatementRef" -> activities.statementRef(o, path);
            case "SubStatement" -> {
                if (sub) {
                    errors.add(join(path, "objectType"), "a SubStatement cannot contain a SubStatement");
                } else if (object(o, path, SUB_STATEMENT)) {
                    optional(o, "timestamp", path, this::timestamp);
                    body(o, path, true);
                }
            }
            default -> errors.add(join(path, "objectType"),
                    "must be Activity, Agent, Group, StatementRef or SubStatement");
        }
    }

    /** Whether {@code text} is a UUID in its 36-character form (hex digits only, no signs). */
    public static boolean isUuid(String text) {
        return JsonChecks.isUuid(text);
    }
}
