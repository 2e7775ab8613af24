package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Stored xAPI statements: by id, the voiding statement of an id, and the filtered lists of the Statement Resource. */
@ApplicationScoped
public class XapiStatementRepository implements PanacheRepositoryBase<XapiStatement, UUID> {

    /** One row of a list: its place in storing order and the statement as stored. */
    public record Row(long seq, String body) {
    }

    /**
     * What a list asks for; null fields do not filter. {@code since} and {@code until} bound the stored time (since
     * exclusive, until inclusive); {@code system} limits the list to one integrating system's statements.
     */
    public record Filter(String system, String agent, boolean relatedAgents, String verb, String activity,
            boolean relatedActivities, UUID registration, Instant since, Instant until, boolean ascending) {
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

    /** The first stored statement voiding {@code id}, if one came before it. */
    public Optional<XapiStatement> findVoidingOf(UUID id) {
        return find("voids = ?1 order by seq", id).firstResultOptional();
    }

    /** One page of the statements that pass {@code filter}, voided ones left out, after {@code afterSeq} in its order. */
    public List<Row> page(Filter filter, Long afterSeq, int limit) {
        StringBuilder sql = new StringBuilder("select seq, cast(body as text) from xapi_statement where voided_by is null");
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(sql, parameters, "system = :system", "system", filter.system());
        condition(sql, parameters, (filter.relatedAgents() ? "related_agents" : "agents")
                + " @> cast(array[:agent] as text[])", "agent", filter.agent());
        condition(sql, parameters, "verb_id = :verb", "verb", filter.verb());
        condition(sql, parameters, (filter.relatedActivities() ? "related_activities" : "activities")
                + " @> cast(array[:activity] as text[])", "activity", filter.activity());
        condition(sql, parameters, "registration = :registration", "registration", filter.registration());
        condition(sql, parameters, "stored > :since", "since", utc(filter.since()));
        condition(sql, parameters, "stored <= :until", "until", utc(filter.until()));
        condition(sql, parameters, filter.ascending() ? "seq > :after" : "seq < :after", "after", afterSeq);
        sql.append(" order by seq ").append(filter.ascending() ? "asc" : "desc").append(" limit :limit");
        Query query = getEntityManager().createNativeQuery(sql.toString());
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit);
        List<Row> rows = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            rows.add(new Row(((Number) row[0]).longValue(), (String) row[1]));
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

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
