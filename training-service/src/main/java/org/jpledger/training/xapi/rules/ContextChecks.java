package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.jpledger.support.problem.FieldErrors;

/** A statement's context: registration, instructor and team, context activities and agents, and the rest. */
final class ContextChecks extends JsonChecks {

    private static final Set<String> CONTEXT = Set.of("registration", "instructor", "team", "contextActivities",
            "revision", "platform", "language", "statement", "extensions", "contextAgents", "contextGroups");
    private static final Set<String> CONTEXT_ACTIVITIES = Set.of("parent", "grouping", "category", "other");

    private final AgentChecks agents;
    private final ActivityChecks activities;

    ContextChecks(FieldErrors errors, AgentChecks agents, ActivityChecks activities) {
        super(errors);
        this.agents = agents;
        this.activities = activities;
    }

    void context(JsonNode c, String path, JsonNode statementObject) {
        if (!object(c, path, CONTEXT)) {
            return;
        }
        optional(c, "registration", path, this::uuid);
        optional(c, "instructor", path, agents::actor);
        optional(c, "team", path, (t, p) -> agents.groupOnly(t, p, "the team must be a Group"));
        optional(c, "contextActivities", path, (ca, p) -> {
            if (!object(ca, p, CONTEXT_ACTIVITIES)) {
                return;
            }
            for (String key : CONTEXT_ACTIVITIES) {
                optional(ca, key, p, (list, lp) -> {
                    if (list.isArray()) {
                        for (int i = 0; i < list.size(); i++) {
                            activities.activityOnly(list.get(i), lp + "[" + i + "]");
                        }
                    } else {
                        activities.activityOnly(list, lp);
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
                activities.statementRef(r, p);
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
            required(member, key, item, "agent".equals(key) ? (a, p) -> agents.agentOnly(a, p, "must be an Agent")
                    : (g, p) -> agents.groupOnly(g, p, "must be a Group"));
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
}
