package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.TrainingMethod;

/** Completions by id, by the integrating system's keys, and as filtered pages in recording order. */
@ApplicationScoped
public class CompletionRepository implements PanacheRepositoryBase<Completion, UUID> {

    public Optional<Completion> findByExternalId(String sourceSystem, String externalId) {
        return find("sourceSystem = ?1 and externalId = ?2", sourceSystem, externalId).firstResultOptional();
    }

    /** The completions recorded under any of {@code keys}, by {@link #keyOf}. */
    public Map<String, Completion> findByExternalIds(Collection<ExternalId> keys) {
        Map<String, Completion> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        Set<String> wanted = new HashSet<>();
        keys.forEach(k -> wanted.add(keyOf(k.sourceSystem(), k.externalId())));
        // Both IN lists use the (source_system, external_id) index; pairs crossing the lists are filtered out below.
        find("sourceSystem in ?1 and externalId in ?2",
                keys.stream().map(ExternalId::sourceSystem).distinct().toList(),
                keys.stream().map(ExternalId::externalId).distinct().toList()).list().stream()
                .filter(c -> wanted.contains(keyOf(c.sourceSystem, c.externalId)))
                .forEach(c -> found.put(keyOf(c.sourceSystem, c.externalId), c));
        return found;
    }

    /** One map key for a (sourceSystem, externalId) pair. */
    public static String keyOf(String sourceSystem, String externalId) {
        return sourceSystem + '\u0000' + externalId;
    }

    /** An integrating system's identification of a completion. */
    public record ExternalId(String sourceSystem, String externalId) {
    }

    public Optional<Completion> findByIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResultOptional();
    }

    /** The NIPs of the completions {@code ids}, in one query. */
    public List<String> nipsOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select distinct c.nip from Completion c where c.id in :ids", String.class)
                .setParameter("ids", ids).getResultList();
    }

    /**
     * Active completions whose stored method is not their kind's in {@code methodByKind} (the reference data changed
     * since they were written), in recording order: at most {@code limit} ids.
     */
    public List<UUID> methodMismatches(Map<Integer, TrainingMethod> methodByKind, int limit) {
        List<Integer> klasikal = kindsOf(methodByKind, TrainingMethod.KLASIKAL);
        List<Integer> nonklasikal = kindsOf(methodByKind, TrainingMethod.NONKLASIKAL);
        return getEntityManager().createQuery("select c.id from Completion c where c.status = :active and ("
                        + "(c.kindId in :klasikal and c.method <> :k) or (c.kindId in :nonklasikal and c.method <> :n))"
                        + " order by c.seq", UUID.class)
                .setParameter("active", CompletionStatus.ACTIVE)
                .setParameter("klasikal", klasikal).setParameter("k", TrainingMethod.KLASIKAL)
                .setParameter("nonklasikal", nonklasikal).setParameter("n", TrainingMethod.NONKLASIKAL)
                .setMaxResults(limit).getResultList();
    }

    private static List<Integer> kindsOf(Map<Integer, TrainingMethod> methodByKind, TrainingMethod method) {
        List<Integer> kinds = new ArrayList<>();
        methodByKind.forEach((kind, m) -> {
            if (m == method) {
                kinds.add(kind);
            }
        });
        // An empty IN list is not valid SQL everywhere; no kind has id 0.
        return kinds.isEmpty() ? List.of(0) : kinds;
    }

    /** Loads a completion locked for update, so concurrent amendments and voids get consecutive versions. */
    public Optional<Completion> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * One page of completions after {@code afterSeq} in recording order. A unit filter covers the unit's whole subtree
     * (employees currently in it); without one, the subtrees of {@code scopeRoots}, the caller's unit scope, or
     * everything when that is null. A unit filter must lie inside the scope (the service checks), so one subtree
     * restriction is always enough.
     */
    @SuppressWarnings("unchecked")
    public List<Completion> page(CompletionQuery q, Collection<String> scopeRoots) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        Collection<String> underUnits = q.unitCode() != null ? List.of(q.unitCode()) : scopeRoots;
        if (underUnits != null) {
            sql.append("WITH RECURSIVE subtree(code) AS (SELECT code FROM unit WHERE code IN (:units) "
                    + "UNION SELECT u.code FROM unit u JOIN subtree s ON u.parent_code = s.code) ");
            where.add("c.nip IN (SELECT e.nip FROM employee e WHERE e.unit_code IN (SELECT code FROM subtree))");
            params.put("units", underUnits);
        }
        sql.append("SELECT c.* FROM completion c");
        if (q.nip() != null) {
            where.add("c.nip = :nip");
            params.put("nip", q.nip());
        }
        if (q.from() != null) {
            where.add("c.end_date >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            where.add("c.end_date <= :to");
            params.put("to", q.to());
        }
        if (q.status() != null) {
            where.add("c.status = :status");
            params.put("status", q.status().name());
        }
        if (q.flag() != null) {
            // Containment, which the partial GIN index on flags answers.
            where.add("c.flags @> ARRAY[CAST(:flag AS text)] AND c.flags <> '{}'");
            params.put("flag", q.flag().name());
        }
        if (q.verification() != null) {
            where.add("c.verification = :verification");
            params.put("verification", q.verification().name());
        }
        if (q.afterSeq() != null) {
            where.add("c.seq > :after");
            params.put("after", q.afterSeq());
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY c.seq LIMIT :limit");
        params.put("limit", q.limit());
        Query query = getEntityManager().createNativeQuery(sql.toString(), Completion.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
