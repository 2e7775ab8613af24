package org.jpledger.training.xapi.rules;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jpledger.support.json.StrictJson;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * Where an xAPI document lives, read from a request's parameters and checked as Communication 2.3, 2.6 and 2.7 say:
 * its kind, the activity (State, Activity Profile), the agent's identifier (State, Agent Profile), a State's
 * registration, and the stateId or profileId (null when the request names none, for the id list or a State delete-all).
 * A part the kind does not use is "", as the store keeps it.
 */
public record DocumentKey(Kind kind, String activityId, String agent, String registration, String documentId) {

    /** The three document resources, with the parameters each takes. */
    public enum Kind {
        STATE("stateId", true, true, Set.of("activityId", "agent", "registration", "stateId")),
        ACTIVITY_PROFILE("profileId", true, false, Set.of("activityId", "profileId")),
        AGENT_PROFILE("profileId", false, true, Set.of("agent", "profileId"));

        private final String idParameter;
        private final boolean byActivity;
        private final boolean byAgent;
        private final Set<String> parameters;

        Kind(String idParameter, boolean byActivity, boolean byAgent, Set<String> parameters) {
            this.idParameter = idParameter;
            this.byActivity = byActivity;
            this.byAgent = byAgent;
            this.parameters = parameters;
        }

        /** stateId or profileId. */
        public String idParameter() {
            return idParameter;
        }
    }

    /** A request's parameters: the document's key, and {@code since} for an id list (null when not given). */
    public record Request(DocumentKey key, Instant since) {
    }

    /**
     * Reads {@code given} (the query parameters) for {@code kind}: refuses (400, naming the parameter) a missing
     * activityId or agent, a malformed one, a registration that is not a UUID, an id longer than {@code maxIdLength}, a
     * parameter given twice and one the resource does not take; {@code since} only where {@code sinceAllowed} (a GET).
     */
    public static Request read(Kind kind, Map<String, List<String>> given, boolean sinceAllowed, int maxIdLength) {
        for (Map.Entry<String, List<String>> parameter : given.entrySet()) {
            String name = parameter.getKey();
            if (!kind.parameters.contains(name) && !(sinceAllowed && name.equals("since"))) {
                throw InvalidRequestException.of(name, "is not a parameter of this resource");
            }
            if (parameter.getValue().size() != 1) {
                throw InvalidRequestException.of(name, "give it once");
            }
            // The key's parts are text columns, which cannot hold a NUL or an unpaired surrogate.
            if (!StrictJson.StorableText.storable(parameter.getValue().get(0))) {
                throw InvalidRequestException.of(name, "must not contain NUL characters or unpaired surrogates");
            }
        }
        String activityId = "";
        if (kind.byActivity) {
            activityId = required(given, "activityId");
            if (!JsonChecks.IRI.matcher(activityId).matches()) {
                throw InvalidRequestException.of("activityId", "must be an absolute IRI");
            }
        }
        String agent = kind.byAgent ? Agents.keyOfParameter("agent", required(given, "agent")) : "";
        String registration = "";
        String sentRegistration = single(given, "registration");
        if (sentRegistration != null) {
            if (!JsonChecks.isUuid(sentRegistration)) {
                throw InvalidRequestException.of("registration", "must be a UUID");
            }
            registration = UUID.fromString(sentRegistration).toString();
        }
        String id = single(given, kind.idParameter);
        if (id != null) {
            if (id.isEmpty()) {
                throw InvalidRequestException.of(kind.idParameter, "must not be empty; leave it out for the id list");
            }
            if (id.length() > maxIdLength) {
                throw InvalidRequestException.of(kind.idParameter, "at most " + maxIdLength + " characters");
            }
        }
        Instant since = null;
        String sentSince = single(given, "since");
        if (sentSince != null) {
            try {
                since = Timestamps.parse(sentSince);
            } catch (DateTimeParseException e) {
                throw InvalidRequestException.of("since", "must be an ISO 8601 timestamp with a time zone");
            }
        }
        return new Request(new DocumentKey(kind, activityId, agent, registration, id), since);
    }

    /** This key, refusing (400) a request that names no document where it must name one. */
    public DocumentKey requireId() {
        if (documentId == null) {
            throw InvalidRequestException.of(kind.idParameter, "required");
        }
        return this;
    }

    private static String required(Map<String, List<String>> given, String name) {
        String value = single(given, name);
        if (value == null || value.isBlank()) {
            throw InvalidRequestException.of(name, "required");
        }
        return value;
    }

    private static String single(Map<String, List<String>> given, String name) {
        List<String> values = given.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
