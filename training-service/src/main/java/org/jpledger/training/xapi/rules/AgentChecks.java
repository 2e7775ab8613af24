package org.jpledger.training.xapi.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.jpledger.support.problem.FieldErrors;

/** The agent parts of a statement (actor, authority, instructor, team, group members): shape and identifiers. */
final class AgentChecks extends JsonChecks {

    private static final Set<String> AGENT = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> GROUP = Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account",
            "member");
    private static final Set<String> IDENTIFIERS = Set.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final Set<String> ACCOUNT = Set.of("homePage", "name");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-fA-F]{40}");

    AgentChecks(FieldErrors errors) {
        super(errors);
    }

    void actor(JsonNode a, String path) {
        String type = a.path("objectType").asText("Agent");
        if ("Group".equals(type)) {
            group(a, path);
        } else if ("Agent".equals(type)) {
            agent(a, path);
        } else {
            errors.add(join(path, "objectType"), "must be Agent or Group");
        }
    }

    /**
     * A statement's authority: an Agent, or a Group only as the anonymous pair of an OAuth application and the user it
     * acts for (xAPI Data 2.4.9: "if a Group is used, it shall be an anonymous Group of exactly two Agents").
     */
    void authority(JsonNode a, String path) {
        actor(a, path);
        if (!a.isObject() || !"Group".equals(a.path("objectType").asText(null))) {
            return;
        }
        if (Agents.key(a) != null) {
            errors.add(path, "an authority that is a Group must be anonymous (no mbox, mbox_sha1sum, openid or account)");
        }
        JsonNode members = a.path("member");
        if (members.isArray() && !members.isEmpty() && members.size() != 2) {
            errors.add(join(path, "member"), "an authority that is a Group has exactly two agents (the OAuth "
                    + "application and its user), not " + members.size());
        }
    }

    /** An Agent where only an Agent may stand: objectType absent or Agent. */
    void agentOnly(JsonNode a, String path, String reason) {
        if (a.isObject() && !"Agent".equals(a.path("objectType").asText("Agent"))) {
            errors.add(join(path, "objectType"), reason);
        } else {
            agent(a, path);
        }
    }

    /** A Group where only a Group may stand: objectType Group, which a Group must state. */
    void groupOnly(JsonNode g, String path, String reason) {
        if (g.isObject() && !"Group".equals(g.path("objectType").asText(null))) {
            errors.add(join(path, "objectType"), reason);
        } else {
            group(g, path);
        }
    }

    void agent(JsonNode a, String path) {
        if (object(a, path, AGENT)) {
            identifiers(a, path, true);
            optional(a, "name", path, this::text);
        }
    }

    void group(JsonNode g, String path) {
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
}
