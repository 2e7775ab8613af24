package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code format} of statements a GET returns: as stored ({@code exact}), reduced to identifiers ({@code ids}: agents
 * to their identifier, activities and verbs to their id alone), or with each language map reduced to the
 * language the client prefers ({@code canonical}).
 */
public enum StatementFormat {
    EXACT, IDS, CANONICAL;

    private static final Set<String> LANGUAGE_MAPS = Set.of("display", "name", "description");
    private static final Set<String> AGENT_KEYS = Set.of("objectType", "mbox", "mbox_sha1sum", "openid", "account");

    /** The format named by the query parameter (case as the specification spells it), or null for another name. */
    public static StatementFormat named(String name) {
        return switch (name) {
            case "exact" -> EXACT;
            case "ids" -> IDS;
            case "canonical" -> CANONICAL;
            default -> null;
        };
    }

    /** The language tags of an Accept-Language header, most preferred first (by weight, then by order). */
    public static List<String> languages(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return List.of();
        }
        record Weighted(String tag, double weight, int order) {
        }
        List<Weighted> tags = new ArrayList<>();
        String[] ranges = acceptLanguage.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].trim().split(";");
            double weight = 1;
            for (int p = 1; p < parts.length; p++) {
                String parameter = parts[p].trim();
                if (parameter.startsWith("q=")) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            if (!parts[0].isBlank() && !"*".equals(parts[0].trim()) && weight > 0) {
                tags.add(new Weighted(parts[0].trim(), weight, i));
            }
        }
        tags.sort(Comparator.comparingDouble(Weighted::weight).reversed()
                .thenComparingInt(Weighted::order));
        return tags.stream().map(Weighted::tag).toList();
    }

    /** A copy of {@code statement} in this format; {@code languages} are the client's, most preferred first. */
    public JsonNode apply(JsonNode statement, List<String> languages) {
        return switch (this) {
            case EXACT -> statement;
            case IDS -> ids(statement.deepCopy());
            case CANONICAL -> canonical(statement.deepCopy(), languages);
        };
    }

    private static JsonNode ids(ObjectNode s) {
        reduceAgent(s.get("actor"));
        reduceAgent(s.get("authority"));
        if (s.get("verb") instanceof ObjectNode verb) {
            verb.retain("id");
        }
        reduceObject(s.get("object"));
        reduceContext(s.get("context"));
        return s;
    }

    private static void reduceContext(JsonNode node) {
        if (node instanceof ObjectNode context) {
            reduceAgent(context.get("instructor"));
            reduceAgent(context.get("team"));
            if (context.get("contextActivities") instanceof ObjectNode lists) {
                lists.forEach(list -> (list.isArray() ? list : List.of(list)).forEach(StatementFormat::reduceActivity));
            }
            context.path("contextAgents").forEach(member -> reduceAgent(member.get("agent")));
            context.path("contextGroups").forEach(member -> reduceAgent(member.get("group")));
        }
    }

    private static void reduceObject(JsonNode object) {
        if (!(object instanceof ObjectNode o)) {
            return;
        }
        switch (o.path("objectType").asText("Activity")) {
            case "Agent", "Group" -> reduceAgent(o);
            case "Activity" -> reduceActivity(o);
            case "SubStatement" -> {
                reduceAgent(o.get("actor"));
                if (o.get("verb") instanceof ObjectNode verb) {
                    verb.retain("id");
                }
                reduceObject(o.get("object"));
                reduceContext(o.get("context"));
            }
            default -> {
            }
        }
    }

    /** An activity keeps its id alone: objectType is no identifier, and Activity is what an object is by default. */
    private static void reduceActivity(JsonNode activity) {
        if (activity instanceof ObjectNode a) {
            a.retain("id");
        }
    }

    /** An agent keeps its identifier; an anonymous group keeps its members' identifiers. */
    private static void reduceAgent(JsonNode agent) {
        if (!(agent instanceof ObjectNode a)) {
            return;
        }
        boolean anonymous = Agents.key(a) == null;
        List<String> keep = new ArrayList<>(AGENT_KEYS);
        if (anonymous) {
            keep.add("member");
            a.path("member").forEach(StatementFormat::reduceAgent);
        }
        a.retain(keep);
    }

    private static JsonNode canonical(JsonNode node, List<String> languages) {
        if (node instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (LANGUAGE_MAPS.contains(field.getKey()) && field.getValue() instanceof ObjectNode map) {
                    keepOneLanguage(map, languages);
                } else if (!"extensions".equals(field.getKey())) {
                    canonical(field.getValue(), languages);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> canonical(item, languages));
        }
        return node;
    }

    /** Keeps the entry of the most preferred language (by exact tag, then by primary language), else the first. */
    private static void keepOneLanguage(ObjectNode map, List<String> languages) {
        if (map.size() <= 1) {
            return;
        }
        String chosen = null;
        for (String wanted : languages) {
            chosen = match(map, wanted);
            if (chosen != null) {
                break;
            }
        }
        map.retain(chosen != null ? chosen : map.fieldNames().next());
    }

    private static String match(ObjectNode map, String wanted) {
        String primary = wanted.toLowerCase(Locale.ROOT).split("-")[0];
        String byPrimary = null;
        for (Iterator<String> tags = map.fieldNames(); tags.hasNext(); ) {
            String tag = tags.next();
            if (tag.equalsIgnoreCase(wanted)) {
                return tag;
            }
            if (byPrimary == null && tag.toLowerCase(Locale.ROOT).split("-")[0].equals(primary)) {
                byPrimary = tag;
            }
        }
        return byPrimary;
    }
}
