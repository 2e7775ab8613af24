package org.jpledger.training.siasn.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The findings of reconciliations, read in item order a page at a time. */
@ApplicationScoped
public class SiasnReconciliationItemRepository
        implements PanacheRepositoryBase<SiasnReconciliationItem, SiasnReconciliationItem.Key> {

    /** Up to {@code limit} items after item {@code afterNo}, in item order; of one finding when it is not null. */
    public List<SiasnReconciliationItem> page(UUID reconciliationId, int afterNo, Finding finding, int limit) {
        String query = "reconciliationId = :id and itemNo > :after" + (finding == null ? "" : " and finding = :finding")
                + " order by itemNo";
        Parameters parameters = Parameters.with("id", reconciliationId).and("after", afterNo);
        if (finding != null) {
            parameters = parameters.and("finding", finding);
        }
        return find(query, parameters).page(0, limit).list();
    }

    /** The items of these numbers, in item order. */
    public List<SiasnReconciliationItem> byNumbers(UUID reconciliationId, Collection<Integer> numbers) {
        return list("reconciliationId = ?1 and itemNo in ?2 order by itemNo", reconciliationId, numbers);
    }

    /**
     * Counts by the unit of the items' employees (null for none), in unit order: unit code, then items matched, matched
     * with differences, ledger only, SIASN only, unknown NIP, outside the unit, invalid rows.
     */
    public List<Object[]> countsByUnit(UUID reconciliationId) {
        return counts("unit_code", reconciliationId, Integer.MAX_VALUE);
    }

    /**
     * As {@link #countsByUnit}, by employee (NIP first, then the unit), for the first {@code limit} employees in NIP
     * order with a finding other than a match without differences.
     */
    public List<Object[]> countsByEmployee(UUID reconciliationId, int limit) {
        return counts("nip, max(unit_code)", reconciliationId, limit);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> counts(String key, UUID reconciliationId, int limit) {
        boolean byEmployee = key.startsWith("nip");
        String sql = "SELECT " + key + ", "
                + "count(*) FILTER (WHERE finding = 'MATCHED'), "
                + "count(*) FILTER (WHERE finding = 'MATCHED' AND cardinality(differences) > 0), "
                + "count(*) FILTER (WHERE finding = 'LEDGER_ONLY'), "
                + "count(*) FILTER (WHERE finding = 'SIASN_ONLY'), "
                + "count(*) FILTER (WHERE finding = 'UNKNOWN_NIP'), "
                + "count(*) FILTER (WHERE finding = 'OUTSIDE_UNIT'), "
                + "count(*) FILTER (WHERE finding = 'INVALID_ROW') "
                + "FROM siasn_reconciliation_item WHERE reconciliation_id = :id"
                + (byEmployee ? " AND nip IS NOT NULL GROUP BY nip HAVING count(*) FILTER (WHERE finding <> 'MATCHED' "
                        + "OR cardinality(differences) > 0) > 0 ORDER BY nip LIMIT :limit"
                        : " GROUP BY unit_code ORDER BY unit_code NULLS LAST");
        var query = getEntityManager().createNativeQuery(sql).setParameter("id", reconciliationId);
        if (byEmployee) {
            query.setParameter("limit", limit);
        }
        return query.getResultList();
    }
}
