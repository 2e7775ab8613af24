package org.jpledger.training.verification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.training.domain.Completion;

/**
 * The completions waiting for a verifier: active, and not yet decided or flagged as a possible duplicate. Read oldest
 * first by (recorded_at, id), the order of the partial index {@code completion_queue} (V22).
 */
@ApplicationScoped
public class VerificationQueueRepository {

    /** What "waiting" means, written exactly as the partial index's predicate so the planner can use the index. */
    static final String WAITING = "c.status = 'ACTIVE' AND (c.verification = 'SUBMITTED' "
            + "OR 'POSSIBLE_DUPLICATE' = ANY (c.flags))";

    private static final String SUBTREE = "WITH RECURSIVE subtree(code) AS (SELECT code FROM unit WHERE code IN (:units) "
            + "UNION SELECT u.code FROM unit u JOIN subtree s ON u.parent_code = s.code) ";

    private final EntityManager entityManager;

    public VerificationQueueRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * One page of the queue after the query's position. A unit filter covers the unit's whole subtree (employees
     * currently in it); without one, the subtrees of {@code scopeRoots}, or everything when that is null. A unit filter
     * must lie inside the scope (the service checks), so one subtree restriction is always enough.
     */
    @SuppressWarnings("unchecked")
    public List<Completion> page(QueueQuery q, Collection<String> scopeRoots) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>(List.of(WAITING));
        Collection<String> underUnits = q.unitCode() != null ? List.of(q.unitCode()) : scopeRoots;
        if (underUnits != null) {
            sql.append(SUBTREE);
            where.add("c.nip IN (SELECT e.nip FROM employee e WHERE e.unit_code IN (SELECT code FROM subtree))");
            params.put("units", underUnits);
        }
        sql.append("SELECT c.* FROM completion c");
        if (q.kindId() != null) {
            where.add("c.kind_id = :kind");
            params.put("kind", q.kindId());
        }
        if (q.sourceSystem() != null) {
            where.add("c.source_system = :source");
            params.put("source", q.sourceSystem());
        }
        if (q.flag() != null) {
            where.add("CAST(:flag AS text) = ANY (c.flags)");
            params.put("flag", q.flag().name());
        }
        if (q.afterRecordedAt() != null) {
            where.add("(c.recorded_at, c.id) > (:afterAt, :afterId)");
            params.put("afterAt", q.afterRecordedAt());
            params.put("afterId", q.afterId());
        }
        sql.append(" WHERE ").append(String.join(" AND ", where));
        sql.append(" ORDER BY c.recorded_at, c.id LIMIT :limit");
        params.put("limit", q.limit());
        Query query = entityManager.createNativeQuery(sql.toString(), Completion.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * How many completions wait below each of {@code startUnits} (the unit and its whole subtree, by the employees'
     * current units), and how many of those carry a flag; a unit with none waiting is absent from the answer.
     */
    public Map<String, Waiting> waitingBelow(Collection<String> startUnits) {
        if (startUnits.isEmpty()) {
            return Map.of();
        }
        Query query = entityManager.createNativeQuery("WITH RECURSIVE below(start, code) AS ("
                + "SELECT code, code FROM unit WHERE code IN (:units) "
                + "UNION SELECT b.start, u.code FROM unit u JOIN below b ON u.parent_code = b.code) "
                + "SELECT b.start, count(*), count(*) FILTER (WHERE c.flags <> '{}') FROM below b "
                + "JOIN employee e ON e.unit_code = b.code JOIN completion c ON c.nip = e.nip "
                + "WHERE " + WAITING + " GROUP BY b.start");
        query.setParameter("units", startUnits);
        return waiting(query);
    }

    /** As {@link #waitingBelow}, counting only the employees directly in each unit. */
    public Map<String, Waiting> waitingIn(Collection<String> units) {
        if (units.isEmpty()) {
            return Map.of();
        }
        Query query = entityManager.createNativeQuery("SELECT e.unit_code, count(*), "
                + "count(*) FILTER (WHERE c.flags <> '{}') FROM employee e JOIN completion c ON c.nip = e.nip "
                + "WHERE e.unit_code IN (:units) AND " + WAITING + " GROUP BY e.unit_code");
        query.setParameter("units", units);
        return waiting(query);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Waiting> waiting(Query query) {
        Map<String, Waiting> waiting = new HashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            waiting.put((String) row[0], new Waiting(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return waiting;
    }

    /** The number of completions waiting, and how many of them carry a flag. */
    public record Waiting(long waiting, long flagged) {

        public static final Waiting NONE = new Waiting(0, 0);
    }
}
