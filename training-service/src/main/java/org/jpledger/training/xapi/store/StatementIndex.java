package org.jpledger.training.xapi.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jpledger.training.xapi.rules.XapiVerbs;
import org.jpledger.training.xapi.rules.Agents;

/**
 * What the Statement Resource's filters look at in a statement: its verb and registration, the agents and activities it
 * is about (actor and object) and all those it names, the statement it refers to (a StatementRef object) and the one it
 * voids. A statement referring to another also answers to its target's values ({@link #withTarget}).
 */
public record StatementIndex(List<String> verbs, List<String> registrations, List<String> agents,
        List<String> relatedAgents, List<String> activities, List<String> relatedActivities, UUID refers, UUID voids) {

    /** The index of a well-formed statement (see {@link org.jpledger.training.xapi.rules.StatementValidator}). */
    public static StatementIndex of(JsonNode statement) {
        Set<String> agents = new LinkedHashSet<>();
        Set<String> related = new LinkedHashSet<>();
        Set<String> activities = new LinkedHashSet<>();
        Set<String> relatedActivities = new LinkedHashSet<>();
        JsonNode object = statement.path("object");
        String objectType = object.path("objectType").asText("Activity");
        addAgent(agents, statement.path("actor"));
        if ("Agent".equals(objectType) || "Group".equals(objectType)) {
            addAgent(agents, object);
        }
        if ("Activity".equals(objectType)) {
            activities.add(object.path("id").asText());
        }
        related.addAll(agents);
        relatedActivities.addAll(activities);
        collectRelated(statement, related, relatedActivities);
        if ("SubStatement".equals(objectType)) {
            collectRelated(object, related, relatedActivities);
            addAgent(related, object.path("actor"));
            JsonNode inner = object.path("object");
            String innerType = inner.path("objectType").asText("Activity");
            if ("Agent".equals(innerType) || "Group".equals(innerType)) {
                addAgent(related, inner);
            } else if ("Activity".equals(innerType)) {
                relatedActivities.add(inner.path("id").asText());
            }
        }
        String registration = statement.path("context").path("registration").asText(null);
        UUID refers = "StatementRef".equals(objectType) ? UUID.fromString(object.path("id").asText()) : null;
        return new StatementIndex(List.of(statement.path("verb").path("id").asText()),
                registration == null ? List.of() : List.of(registration.toLowerCase(Locale.ROOT)), List.copyOf(agents),
                List.copyOf(related), List.copyOf(activities), List.copyOf(relatedActivities), refers,
                XapiVerbs.isVoiding(statement) ? refers : null);
    }

    /** This index joined with that of the statement it refers to; its own values first. */
    public StatementIndex withTarget(StatementIndex target) {
        return new StatementIndex(union(verbs, target.verbs), union(registrations, target.registrations),
                union(agents, target.agents), union(relatedAgents, target.relatedAgents),
                union(activities, target.activities), union(relatedActivities, target.relatedActivities), refers, voids);
    }

    private static List<String> union(List<String> own, List<String> target) {
        Set<String> all = new LinkedHashSet<>(own);
        all.addAll(target);
        return List.copyOf(all);
    }

    /** The authority, instructor, team, group members and context agents and activities of a statement. */
    private static void collectRelated(JsonNode statement, Set<String> agents, Set<String> activities) {
        addAgent(agents, statement.path("authority"));
        addAgent(agents, statement.path("actor"));
        JsonNode context = statement.path("context");
        addAgent(agents, context.path("instructor"));
        addAgent(agents, context.path("team"));
        for (JsonNode member : context.path("contextAgents")) {
            addAgent(agents, member.path("agent"));
        }
        for (JsonNode member : context.path("contextGroups")) {
            addAgent(agents, member.path("group"));
        }
        for (JsonNode list : context.path("contextActivities")) {
            for (JsonNode activity : list.isArray() ? list : List.of(list)) {
                activities.add(activity.path("id").asText());
            }
        }
    }

    /** Adds the agent's key and, for a group, its members' keys. */
    private static void addAgent(Set<String> keys, JsonNode agent) {
        if (!agent.isObject()) {
            return;
        }
        String key = Agents.key(agent);
        if (key != null) {
            keys.add(key);
        }
        List<JsonNode> members = new ArrayList<>();
        agent.path("member").forEach(members::add);
        for (JsonNode member : members) {
            String memberKey = Agents.key(member);
            if (memberKey != null) {
                keys.add(memberKey);
            }
        }
    }
}
