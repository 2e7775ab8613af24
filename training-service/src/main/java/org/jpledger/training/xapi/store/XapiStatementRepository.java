package org.jpledger.training.xapi.store;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Stored xAPI statements: by id, the voiding statement of an id, and the filtered lists of the Statement Resource. */
@ApplicationScoped
public class XapiStatementRepository implements PanacheRepositoryBase<XapiStatement, UUID> {

    /** One row of a list: its place in the list, the statement as stored and its sender. */
    public record Row(StatementFilter.Position position, String body, String system) {
    }

    /**
     * Serialises the writes of these statement ids with any other transaction writing one of them (PostgreSQL advisory
     * locks, taken in id order so that two batches cannot deadlock): a retry racing its first attempt waits for it, then
     * finds the statement stored.
     */
    public void lockIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String list = ids.stream().map(UUID::toString).sorted().collect(Collectors.joining(","));
        getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(k, "
                + "7321)) from unnest(string_to_array(:ids, ',')) k order by k) locked")
                .setParameter("ids", list).getSingleResult();
    }

    /** The stored statements among {@code ids}, by id. */
    public Map<UUID, XapiStatement> findByIds(Collection<UUID> ids) {
        Map<UUID, XapiStatement> found = new HashMap<>();
        if (!ids.isEmpty()) {
            list("id in ?1", ids).forEach(s -> found.put(s.id, s));
        }
        return found;
    }

    /** For those of {@code ids} that {@code system} voided before they came, the id of the first voiding statement. */
    public Map<UUID, UUID> voidersOf(Collection<UUID> ids, String system) {
        Map<UUID, UUID> voiders = new HashMap<>();
        if (!ids.isEmpty()) {
            list("voids in ?1 and system = ?2 order by seq desc", ids, system).forEach(s -> voiders.put(s.voids, s.id));
        }
        return voiders;
    }

    /**
     * One page of the statements that pass {@code filter}, voided ones left out, in (stored, seq) order — newest first
     * unless ascending — after {@code after}, when given.
     */
    public List<Row> page(StatementFilter filter, StatementFilter.Position after, int limit) {
        StringBuilder sql = new StringBuilder("select seq, stored, cast(body as text), system from xapi_statement "
                + "where voided_by is null");
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(sql, parameters, "system = :system", "system", filter.system());
        condition(sql, parameters, (filter.relatedAgents() ? "related_agents" : "agents")
                + " @> cast(array[:agent] as text[])", "agent", filter.agent());
        condition(sql, parameters, "verbs @> cast(array[:verb] as text[])", "verb", filter.verb());
        condition(sql, parameters, (filter.relatedActivities() ? "related_activities" : "activities")
                + " @> cast(array[:activity] as text[])", "activity", filter.activity());
        condition(sql, parameters, "registrations @> cast(array[:registration] as text[])", "registration",
                filter.registration() == null ? null : filter.registration().toString());
        condition(sql, parameters, "stored > :since", "since", utc(filter.since()));
        condition(sql, parameters, "stored <= :until", "until", utc(filter.until()));
        String direction = filter.ascending() ? "asc" : "desc";
        if (after != null) {
            sql.append(" and (stored, seq) ").append(filter.ascending() ? ">" : "<").append(" (:afterStored, :afterSeq)");
            parameters.put("afterStored", utc(after.stored()));
            parameters.put("afterSeq", after.seq());
        }
        sql.append(" order by stored ").append(direction).append(", seq ").append(direction).append(" limit :limit");
        Query query = getEntityManager().createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit);
        List<Row> rows = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            rows.add(new Row(new StatementFilter.Position(instant(row[1]), ((Number) row[0]).longValue()),
                    (String) row[2], (String) row[3]));
        }
        return rows;
    }

    /**
     * The actor and the agent or group object (null when the object is something else), as JSON text, of
     * {@code system}'s newest {@code limit} statements, voided ones left out, whose actor or object is the agent
     * {@code agentKey} or a group it belongs to.
     */
    public List<String[]> agentsNaming(String system, String agentKey, int limit) {
        List<?> found = getEntityManager().createNativeQuery("select cast(body -> 'actor' as text), case when "
                + "body -> 'object' ->> 'objectType' in ('Agent', 'Group') then cast(body -> 'object' as text) end "
                + "from xapi_statement where system = :system and voided_by is null "
                + "and agents @> cast(array[:agent] as text[]) order by seq desc limit :limit")
                .setParameter("system", system).setParameter("agent", agentKey).setParameter("limit", limit)
                .getResultList();
        List<String[]> rows = new ArrayList<>();
        for (Object result : found) {
            Object[] row = (Object[]) result;
            rows.add(new String[] {(String) row[0], (String) row[1]});
        }
        return rows;
    }

    /** Statements in storing order after {@code afterSeq}, of one outcome and one system when those are given. */
    public List<XapiStatement> outcomes(XapiStatement.Outcome outcome, String system, long afterSeq, int limit) {
        StringBuilder query = new StringBuilder("seq > :after");
        Map<String, Object> parameters = new HashMap<>(Map.of("after", afterSeq));
        if (outcome != null) {
            query.append(" and outcome = :outcome");
            parameters.put("outcome", outcome);
        }
        if (system != null) {
            query.append(" and system = :system");
            parameters.put("system", system);
        }
        return find(query.append(" order by seq").toString(), parameters).page(0, limit).list();
    }

    private static void condition(StringBuilder sql, Map<String, Object> parameters, String condition, String name,
            Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }

    private static Instant instant(Object column) {
        if (column instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return column instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) column;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
