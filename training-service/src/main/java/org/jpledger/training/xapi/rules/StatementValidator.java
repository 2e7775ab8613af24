package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeParseException;
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
 * and a voiding statement whose object is a StatementRef. Every broken rule is named with its JSON path.
 */
public final class StatementValidator {

    private static final Set<String> STATEMENT = Set.of("id", "actor", "verb", "object", "result", "context",
            "timestamp", "stored", "authority", "version", "attachments");
    private static final Set<String> SUB_STATEMENT = Set.of("objectType", "actor", "verb", "object", "result",
            "context", "timestamp", "attachments");
    private static final Set<String> AGENT = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account",
            "member");
    private static final Set<String> IDENTIFIERS = Set.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> ACCOUNT = Set.of("homePage", "name");
    private static final Set<String> VERB = Set.of("id", "display");
    private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");
    private static final Set<String> DEFINITION = Set.of("name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    private static final Set<String> INTERACTION_LISTS = Set.of("choices", "scale", "source", "target", "steps");
    private static final Set<String> INTERACTION_TYPES = Set.of("true-false", "choice", "fill-in", "long-fill-in",
            "matching", "performance", "sequencing", "likert", "numeric", "other");
    private static final Set<String> STATEMENT_REF = Set.of("objectType", "id");
    private static final Set<String> RESULT = Set.of("score", "success", "completion", "response", "duration",
            "extensions");
    private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");
    private static final Set<String> CONTEXT = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");
    private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> ATTACHMENT = Set.of("usageType", "display", "description", "contentType",
            "length", "sha2", "fileUrl");

    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern VERSION = Pattern.compile("(1\\.0|2\\.0)(\\.\\d+)?");

    private final FieldErrors errors = new FieldErrors();

    private StatementValidator() {
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
        validator.actor(actor, path);
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
        optional(s, "authority", path, this::actor);
        optional(s, "version", path, (v, p) -> {
            if (!v.isTextual() || !VERSION.matcher(v.asText()).matches()) {
                errors.add(p, "must be a 1.0.x or 2.0.x version");
            }
        });
        body(s, path, false);
    }

    /** What a statement and a sub-statement share: actor, verb, object, result, context, timestamp, attachments. */
    private void body(JsonNode s, String path, boolean sub) {
        required(s, "actor", path, this::actor);
        required(s, "verb", path, this::verb);
        required(s, "object", path, (o, p) -> statementObject(o, p, sub));
        optional(s, "result", path, this::result);
        optional(s, "context", path, (c, p) -> context(c, p, s.path("object")));
        optional(s, "attachments", path, this::attachments);
        if (XapiProfile.VOIDED.equals(s.path("verb").path("id").asText(null))
                && !"StatementRef".equals(s.path("object").path("objectType").asText(null))) {
            errors.add(join(path, "object"), "a voiding statement's object must be a StatementRef");
        }
    }

    private void actor(JsonNode a, String path) {
        String type = a.path("objectType").asText("Agent");
        if ("Group".equals(type)) {
            group(a, path);
        } else if ("Agent".equals(type)) {
            agent(a, path);
        } else {
            errors.add(join(path, "objectType"), "must be Agent or Group");
        }
    }

    /** An Agent where only an Agent may stand: objectType absent or Agent. */
    private void agentOnly(JsonNode a, String path, String reason) {
        if (a.isObject() && !"Agent".equals(a.path("objectType").asText("Agent"))) {
            errors.add(join(path, "objectType"), reason);
        } else {
            agent(a, path);
        }
    }

    /** A Group where only a Group may stand: objectType Group, which a Group must state. */
    private void groupOnly(JsonNode g, String path, String reason) {
        if (g.isObject() && !"Group".equals(g.path("objectType").asText(null))) {
            errors.add(join(path, "objectType"), reason);
        } else {
            group(g, path);
        }
    }

    private void agent(JsonNode a, String path) {
        if (object(a, path, AGENT)) {
            identifiers(a, path, true);
            optional(a, "name", path, this::text);
        }
    }

    private void group(JsonNode g, String path) {
        if (!object(g, path, GROUP)) {
            return;
        }
        optional(g, "name", path, this::text);
        boolean identified = identifiers(g, path, false);
        JsonNode members = g.get("member");
        if (members == null) {
            if (!identified) {
                errors.add(join(path, "member"), "an anonymous group must list its members");
            }
            return;
        }
        if (!members.isArray() || !identified && members.isEmpty()) {
            errors.add(join(path, "member"), identified ? "must be an array of agents" : "must be a non-empty array of agents");
            return;
        }
        for (int i = 0; i < members.size(); i++) {
            agentOnly(members.get(i), join(path, "member") + "[" + i + "]", "a group's members must be agents");
        }
    }

    /** Checks the inverse functional identifiers; true when there is exactly one. */
    private boolean identifiers(JsonNode a, String path, boolean requiredOne) {
        int count = 0;
        for (String key : IDENTIFIERS) {
            if (a.has(key)) {
                count++;
            }
        }
        if (count > 1) {
            errors.add(path, "must have exactly one of mbox, mbox_sha1sum, openid, account");
            return false;
        }
        if (count == 0) {
            if (requiredOne) {
                errors.add(path, "must have one of mbox, mbox_sha1sum, openid, account");
            }
            return false;
        }
        optional(a, "mbox", path, (m, p) -> {
            if (!m.isTextual() || !m.asText().startsWith("mailto:") || !m.asText().contains("@")) {
                errors.add(p, "must be a mailto: IRI");
            }
        });
        optional(a, "mbox_sha1sum", path, (m, p) -> {
            if (!m.isTextual() || !SHA1.matcher(m.asText()).matches()) {
                errors.add(p, "must be the hex SHA-1 of a mailto: IRI");
            }
        });
        optional(a, "openid", path, this::iri);
        optional(a, "account", path, (acc, p) -> {
            if (object(acc, p, ACCOUNT)) {
                required(acc, "homePage", p, this::iri);
                required(acc, "name", p, this::nonEmptyText);
            }
        });
        return true;
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
            case "Activity" -> activity(o, path);
            case "Agent" -> agent(o, path);
            case "Group" -> group(o, path);
            case "StatementRef" -> statementRef(o, path);
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

    private void activity(JsonNode a, String path) {
        if (object(a, path, ACTIVITY)) {
            required(a, "id", path, this::iri);
            optional(a, "definition", path, this::definition);
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

    private void statementRef(JsonNode r, String path) {
        if (object(r, path, STATEMENT_REF)) {
            if (!"StatementRef".equals(r.path("objectType").asText(null))) {
                errors.add(join(path, "objectType"), "must be StatementRef");
            }
            required(r, "id", path, this::uuid);
        }
    }

    private void result(JsonNode r, String path) {
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

    private void context(JsonNode c, String path, JsonNode statementObject) {
        if (!object(c, path, CONTEXT)) {
            return;
        }
        optional(c, "registration", path, this::uuid);
        optional(c, "instructor", path, this::actor);
        optional(c, "team", path, (t, p) -> groupOnly(t, p, "the team must be a Group"));
        optional(c, "contextActivities", path, (ca, p) -> {
            if (!object(ca, p, CONTEXT_ACTIVITIES)) {
                return;
            }
            for (String key : CONTEXT_ACTIVITIES) {
                optional(ca, key, p, (list, lp) -> {
                    if (list.isArray()) {
                        for (int i = 0; i < list.size(); i++) {
                            activityOnly(list.get(i), lp + "[" + i + "]");
                        }
                    } else {
                        activityOnly(list, lp);
                    }
                });
            }
        });
        boolean activityObject = "Activity".equals(statementObject.path("objectType").asText("Activity"));
        optional(c, "revision", path, (r, p) -> {
            text(r, p);
            if (!activityObject) {
                errors.add(p, "only allowed when the object is an Activity");
            }
        });
        optional(c, "platform", path, (r, p) -> {
            text(r, p);
            if (!activityObject) {
                errors.add(p, "only allowed when the object is an Activity");
            }
        });
        optional(c, "language", path, (l, p) -> {
            if (!l.isTextual() || !LANGUAGE_TAG.matcher(l.asText()).matches()) {
                errors.add(p, "must be an RFC 5646 language tag");
            }
        });
        optional(c, "statement", path, (r, p) -> {
            if (!r.path("objectType").isMissingNode()) {
                statementRef(r, p);
            } else {
                errors.add(join(p, "objectType"), "must be StatementRef");
            }
        });
        optional(c, "extensions", path, this::extensions);
        optional(c, "contextAgents", path, (list, p) -> contextMembers(list, p, "contextAgent", "agent"));
        optional(c, "contextGroups", path, (list, p) -> contextMembers(list, p, "contextGroup", "group"));
    }

    /** xAPI 2.0 contextAgents and contextGroups: typed agents (or groups) with the IRIs of their roles. */
    private void contextMembers(JsonNode list, String path, String objectType, String key) {
        if (!list.isArray()) {
            errors.add(path, "must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String item = path + "[" + i + "]";
            JsonNode member = list.get(i);
            if (!object(member, item, Set.of("objectType", key, "relevantTypes"))) {
                continue;
            }
            if (!objectType.equals(member.path("objectType").asText(null))) {
                errors.add(join(item, "objectType"), "must be " + objectType);
            }
            required(member, key, item, "agent".equals(key) ? (a, p) -> agentOnly(a, p, "must be an Agent")
                    : (g, p) -> groupOnly(g, p, "must be a Group"));
            optional(member, "relevantTypes", item, (types, p) -> {
                if (!types.isArray() || types.isEmpty()) {
                    errors.add(p, "must be a non-empty array of IRIs");
                    return;
                }
                for (int t = 0; t < types.size(); t++) {
                    iri(types.get(t), p + "[" + t + "]");
                }
            });
        }
    }

    private void activityOnly(JsonNode a, String path) {
        if (!"Activity".equals(a.path("objectType").asText("Activity"))) {
            errors.add(join(path, "objectType"), "must be Activity");
        } else {
            activity(a, path);
        }
    }

    private void attachments(JsonNode list, String path) {
        if (!list.isArray()) {
            errors.add(path, "must be an array");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String item = path + "[" + i + "]";
            JsonNode a = list.get(i);
            if (!object(a, item, ATTACHMENT)) {
                continue;
            }
            required(a, "usageType", item, this::iri);
            required(a, "display", item, this::languageMap);
            optional(a, "description", item, this::languageMap);
            required(a, "contentType", item, this::nonEmptyText);
            required(a, "length", item, (n, p) -> {
                if (!n.canConvertToLong() || !n.isIntegralNumber() || n.asLong() < 0) {
                    errors.add(p, "must be a whole number of bytes");
                }
            });
            required(a, "sha2", item, this::nonEmptyText);
            // Without fileUrl, the content must come as a part of the request (StatementAttachments checks that).
            optional(a, "fileUrl", item, this::iri);
        }
    }

    private void extensions(JsonNode e, String path) {
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

    private void languageMap(JsonNode m, String path) {
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

    /** Whether {@code text} is a UUID in its 36-character form (hex digits only, no signs). */
    public static boolean isUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    private void uuid(JsonNode v, String path) {
        if (!v.isTextual() || !isUuid(v.asText())) {
            errors.add(path, "must be a UUID");
        }
    }

    private void timestamp(JsonNode v, String path) {
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

    private void iri(JsonNode v, String path) {
        if (!v.isTextual() || !IRI.matcher(v.asText()).matches()) {
            errors.add(path, "must be an absolute IRI");
        }
    }

    private void text(JsonNode v, String path) {
        if (!v.isTextual()) {
            errors.add(path, "must be a string");
        }
    }

    private void nonEmptyText(JsonNode v, String path) {
        if (!v.isTextual() || v.asText().isEmpty()) {
            errors.add(path, "must be a non-empty string");
        }
    }

    private void flag(JsonNode v, String path) {
        if (!v.isBoolean()) {
            errors.add(path, "must be true or false");
        }
    }

    /** True when {@code node} is an object with only {@code allowed} keys; names each stranger otherwise. */
    private boolean object(JsonNode node, String path, Set<String> allowed) {
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

    private void required(JsonNode parent, String key, String path, Check check) {
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            errors.add(join(path, key), "is required");
        } else {
            check.apply(value, join(path, key));
        }
    }

    private void optional(JsonNode parent, String key, String path, Check check) {
        JsonNode value = parent.get(key);
        if (value != null) {
            if (value.isNull()) {
                errors.add(join(path, key), "must not be null; leave it out instead");
            } else {
                check.apply(value, join(path, key));
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private interface Check {
        void apply(JsonNode value, String path);
    }
}
