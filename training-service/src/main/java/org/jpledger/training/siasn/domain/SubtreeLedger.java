package org.jpledger.training.siasn.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the ledger holds for a unit subtree: the employees currently in it and their active completions. */
@ApplicationScoped
public class SubtreeLedger {

    private static final String SUBTREE = "WITH RECURSIVE subtree(code) AS (SELECT code FROM unit WHERE code = :unit "
            + "UNION SELECT u.code FROM unit u JOIN subtree s ON u.parent_code = s.code) ";

    private final EntityManager em;

    public SubtreeLedger(EntityManager em) {
        this.em = em;
    }

    /** An active completion as a reconciliation compares it. */
    public record Entry(UUID id, String nip, int kindId, String title, LocalDate startDate, LocalDate endDate,
            BigDecimal jp, Integer days, String certificateNumber) {
    }

    /** The current unit of each employee currently in the subtree of {@code unitCode}, by NIP. */
    @SuppressWarnings("unchecked")
    public Map<String, String> employees(String unitCode) {
        List<Object[]> rows = em.createNativeQuery(SUBTREE + "SELECT e.nip, e.unit_code FROM employee e "
                + "WHERE e.unit_code IN (SELECT code FROM subtree)").setParameter("unit", unitCode).getResultList();
        Map<String, String> units = new HashMap<>(rows.size() * 2);
        rows.forEach(row -> units.put((String) row[0], (String) row[1]));
        return units;
    }

    /** How many active completions the employees in the subtree have. */
    public long countActive(String unitCode) {
        return ((Number) em.createNativeQuery(SUBTREE + "SELECT count(*) FROM completion c WHERE c.status = 'ACTIVE' "
                + "AND c.nip IN (SELECT e.nip FROM employee e WHERE e.unit_code IN (SELECT code FROM subtree))")
                .setParameter("unit", unitCode).getSingleResult()).longValue();
    }

    /** The active completions of the employees in the subtree, in recording order. */
    @SuppressWarnings("unchecked")
    public List<Entry> activeCompletions(String unitCode) {
        List<Object[]> rows = em.createNativeQuery(SUBTREE + "SELECT c.id, c.nip, c.kind_id, c.title, c.start_date, "
                + "c.end_date, c.jp, c.days, c.certificate_number FROM completion c WHERE c.status = 'ACTIVE' "
                + "AND c.nip IN (SELECT e.nip FROM employee e WHERE e.unit_code IN (SELECT code FROM subtree)) "
                + "ORDER BY c.seq").setParameter("unit", unitCode).getResultList();
        return rows.stream().map(row -> new Entry((UUID) row[0], (String) row[1], ((Number) row[2]).intValue(),
                (String) row[3], date(row[4]), date(row[5]), (BigDecimal) row[6],
                row[7] == null ? null : ((Number) row[7]).intValue(), (String) row[8])).toList();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
