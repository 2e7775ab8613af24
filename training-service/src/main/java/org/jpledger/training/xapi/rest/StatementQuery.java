package org.jpledger.training.xapi.rest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.xapi.rules.StatementFormat;
import org.jpledger.training.xapi.store.StatementFilter;
import org.jpledger.training.xapi.rules.Timestamps;
import org.jpledger.training.xapi.rules.StatementValidator;
import org.jpledger.training.xapi.rules.Agents;

/**
 * The query parameters of {@code GET /xapi/statements}, checked as the specification requires: one statement by
 * {@code statementId} or {@code voidedStatementId} (with only {@code format} and {@code attachments} beside it), or a
 * filtered list, continued by the {@code more} token of the page before (which must then come alone). An unknown
 * parameter is refused.
 *
 * @param listParameters the list's parameters as given, carried in its {@code more} tokens
 */
public record StatementQuery(UUID statementId, UUID voidedStatementId, StatementFilter filter, int limit,
        StatementFormat format, boolean attachments, StatementFilter.Position after,
        Map<String, String> listParameters) {

    private static final Set<String> SINGLE = Set.of("statementId", "voidedStatementId", "format", "attachments");
    private static final Set<String> LIST = Set.of("agent", "verb", "activity", "registration", "related_activities",
            "related_agents", "since", "until", "limit", "format", "attachments", "ascending");
    private static final Pattern IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S+");
    private static final String AFTER = "_after";

    /** Reads the parameters; {@code pageSize} caps the limit (0 or none asks for the cap). */
    public static StatementQuery parse(Map<String, List<String>> parameters, int pageSize) {
        Map<String, String> given = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (values.size() != 1) {
                throw InvalidRequestException.of(name, "give it once");
            }
            given.put(name, values.get(0));
        });
        if (given.containsKey("more")) {
            if (given.size() != 1) {
                throw InvalidRequestException.of("more", "a more link is followed as it is, without other parameters");
            }
            return fromMore(given.get("more"), pageSize);
        }
        return parse(given, pageSize, null);
    }

    private static StatementQuery parse(Map<String, String> given, int pageSize, StatementFilter.Position after) {
        boolean single = given.containsKey("statementId") || given.containsKey("voidedStatementId");
        for (String name : given.keySet()) {
            if (!(single ? SINGLE : LIST).contains(name)) {
                throw InvalidRequestException.of(name, single && LIST.contains(name)
                        ? "not allowed with statementId or voidedStatementId" : "is not a parameter of this resource");
            }
        }
        if (given.containsKey("statementId") && given.containsKey("voidedStatementId")) {
            throw InvalidRequestException.of("voidedStatementId", "give statementId or voidedStatementId, not both");
        }
        StatementFormat format = StatementFormat.EXACT;
        if (given.containsKey("format")) {
            format = StatementFormat.named(given.get("format"));
            if (format == null) {
                throw InvalidRequestException.of("format", "must be exact, ids or canonical");
            }
        }
        boolean attachments = flag(given, "attachments");
        if (single) {
            return new StatementQuery(uuid(given, "statementId"), uuid(given, "voidedStatementId"), null, 0, format,
                    attachments, null, Map.of());
        }
        String agent = null;
        if (given.containsKey("agent")) {
            agent = Agents.keyOfParameter("agent", given.get("agent"));
        }
        StatementFilter filter = new StatementFilter(null, agent, flag(given, "related_agents"), iri(given, "verb"),
                iri(given, "activity"), flag(given, "related_activities"), uuid(given, "registration"),
                instant(given, "since"), instant(given, "until"), flag(given, "ascending"));
        return new StatementQuery(null, null, filter, limit(given.get("limit"), pageSize), format, attachments, after,
                Map.copyOf(given));
    }

    /**
     * The more link of the page after {@code position}. It keeps the list to what was stored by {@code consistent} (the
     * store's consistent-through time when the list began), so that statements committing while a client pages, stored
     * earlier than the pages it has read, cannot be skipped: they belong to the next list.
     */
    public String moreLink(String resourcePath, StatementFilter.Position position, Instant consistent) {
        Map<String, String> carried = new LinkedHashMap<>(listParameters);
        Instant until = filter.until(consistent).until();
        carried.put("until", Timestamps.format(until));
        StringBuilder query = new StringBuilder();
        carried.forEach((name, value) -> query.append(encode(name)).append('=').append(encode(value)).append('&'));
        query.append(AFTER).append('=').append(position.stored().toEpochMilli()).append(':').append(position.seq());
        return resourcePath + "?more=" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(query.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static StatementQuery fromMore(String token, int pageSize) {
        Map<String, String> given = new LinkedHashMap<>();
        StatementFilter.Position after;
        try {
            String query = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                given.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            String[] place = given.remove(AFTER).split(":");
            after = new StatementFilter.Position(Instant.ofEpochMilli(Long.parseLong(place[0])), Long.parseLong(place[1]));
        } catch (RuntimeException e) {
            throw InvalidRequestException.of("more", "is not a more link this store gave");
        }
        return parse(given, pageSize, after);
    }

    private static int limit(String text, int pageSize) {
        if (text == null) {
            return pageSize;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit < 0) {
                throw InvalidRequestException.of("limit", "must be 0 (as many as the store gives) or more");
            }
            return limit == 0 ? pageSize : Math.min(limit, pageSize);
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of("limit", "must be a whole number");
        }
    }

    private static boolean flag(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw InvalidRequestException.of(name, "must be true or false");
    }

    private static UUID uuid(Map<String, String> given, String name) {
        String value = given.get(name);
        return value == null ? null : uuid(name, value);
    }

    /** A UUID parameter in its canonical 36-character form; anything else is a field error. */
    public static UUID uuid(String name, String value) {
        if (!StatementValidator.isUuid(value)) {
            throw InvalidRequestException.of(name, "must be a UUID");
        }
        return UUID.fromString(value);
    }

    private static String iri(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value != null && !IRI.matcher(value).matches()) {
            throw InvalidRequestException.of(name, "must be an absolute IRI");
        }
        return value;
    }

    private static Instant instant(Map<String, String> given, String name) {
        String value = given.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(name, "must be an ISO 8601 timestamp with a time zone");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
