package org.jpledger.reporting.closing.standing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.jpledger.reporting.projection.ComplianceStatus;
import org.jpledger.reporting.projection.EmployeeFilter;
import org.jpledger.reporting.projection.EmployeeOrder;

/**
 * Pages through a closing's employee rows with the live lists' filters, orders and keyset: the subtree a list covers is
 * the snapshot's tree (closing_unit's parents), not today's.
 */
@ApplicationScoped
public class ClosedEmployees {

    private final EntityManager entityManager;

    public ClosedEmployees(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** One employee row of a closing, as the list shows it. */
    public record Row(String nip, String name, String unitCode, String unitName, String employmentType,
            String positionLevel, BigDecimal totalJp, BigDecimal targetJp, ComplianceStatus status,
            int completionCount, BigDecimal pendingJp) {
    }

    /**
     * Up to {@code limit + 1} rows of the closing's employees counting in the roots' subtrees (all of the closing's
     * with no roots), in service in the year, after {@code after} in {@code order}.
     */
    public List<Row> page(long closingId, Collection<String> roots, EmployeeFilter filter, EmployeeOrder order,
            EmployeeOrder.Position after, int limit) {
        // r and e are the names the live lists' conditions and orders use: here both are the snapshot row.
        String sql = (roots == null ? "" : """
                WITH RECURSIVE scope(code) AS (
                    SELECT unit_code FROM public.closing_unit WHERE closing_id = :closing AND unit_code IN (:roots)
                  UNION
                    SELECT c.unit_code FROM public.closing_unit c JOIN scope s ON c.parent_code = s.code
                    WHERE c.closing_id = :closing
                )
                """) + """
                SELECT r.nip, r.name, r.unit_code, r.answer->>'unitName', r.answer->>'employmentType',
                    r.answer->>'positionLevel', r.total_jp, (r.answer->>'targetJp')::numeric, r.status,
                    coalesce((r.answer->>'completionCount')::integer, 0), (r.answer->>'pendingJp')::numeric
                FROM public.closing_employee r CROSS JOIN LATERAL (SELECT r.name) e(name)
                WHERE r.closing_id = :closing AND r.status <> 'NOT_EMPLOYED'
                """ + (roots == null ? "" : " AND r.unit_code IN (SELECT code FROM scope)")
                + filter.condition() + (after == null ? "" : " AND " + order.after())
                + " ORDER BY " + order.orderBy() + " LIMIT :limit";
        Query query = entityManager.createNativeQuery(sql).setParameter("closing", closingId)
                .setParameter("limit", limit + 1);
        if (roots != null) {
            query.setParameter("roots", roots);
        }
        if (!filter.statuses().isEmpty()) {
            query.setParameter("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.search() != null) {
            query.setParameter("search", filter.pattern());
        }
        if (after != null) {
            order.bind(query, after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Row((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                (String) row[4], (String) row[5], (BigDecimal) row[6], (BigDecimal) row[7],
                ComplianceStatus.valueOf((String) row[8]), ((Number) row[9]).intValue(), (BigDecimal) row[10]))
                .toList();
    }
}
