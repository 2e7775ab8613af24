package org.jpledger.reporting.closing.standing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Reads the late corrections of a year's standing closings, newest first, and counts them per closing. */
@ApplicationScoped
public class CorrectionRepository {

    private final EntityManager entityManager;

    public CorrectionRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Where a page of corrections ended: the last one's time and id. */
    public record Position(Instant changedAt, long id) {
    }

    /**
     * One correction, with the employee's unit and status in the closing's snapshot (null when the snapshot has no
     * row of them, as for an employee first known after a whole-organisation closing) and their unit today.
     */
    public record Correction(long id, long closingId, UUID completionId, long version, String nip, String name,
            CorrectionChange change, String title, BigDecimal recognizedJpBefore, BigDecimal recognizedJpAfter,
            String changedBy, Instant changedAt, String closedUnitCode, String closedStatus, String liveUnitCode) {

        /** The unit the employee counts in for the closing: the snapshot's, else today's row of the year. */
        public String unitCode() {
            return closedUnitCode != null ? closedUnitCode : liveUnitCode;
        }
    }

    /** The number of corrections of a closing since it was taken. */
    public long count(long closingId) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM year_correction WHERE closing_id = :c")
                .setParameter("c", closingId).getSingleResult()).longValue();
    }

    /**
     * Up to {@code limit + 1} corrections of the year's standing closings, newest first after {@code after}; with
     * roots, only those of employees counting (in the closing's tree) in the roots' subtrees.
     */
    public List<Correction> newestFirst(int year, Collection<String> roots, Position after, int limit) {
        String sql = (roots == null ? "" : """
                WITH RECURSIVE scope(closing_id, code) AS (
                    SELECT u.closing_id, u.unit_code FROM public.closing_unit u
                    JOIN public.year_closing c ON c.id = u.closing_id AND c.year = :year AND c.reopened_at IS NULL
                    WHERE u.unit_code IN (:roots)
                  UNION
                    SELECT u.closing_id, u.unit_code FROM public.closing_unit u
                    JOIN scope s ON u.closing_id = s.closing_id AND u.parent_code = s.code
                )
                """) + """
                SELECT k.id, k.closing_id, k.completion_id, k.version, k.nip, coalesce(ce.name, em.name), k.change,
                    k.title, k.recognized_jp_before, k.recognized_jp_after, k.changed_by, k.changed_at, ce.unit_code,
                    ce.status, ey.unit_code
                FROM year_correction k
                JOIN public.year_closing c ON c.id = k.closing_id AND c.reopened_at IS NULL
                LEFT JOIN public.closing_employee ce ON ce.closing_id = k.closing_id AND ce.nip = k.nip
                LEFT JOIN employee_year ey ON ey.nip = k.nip AND ey.year = k.year
                LEFT JOIN employee em ON em.nip = k.nip
                WHERE k.year = :year
                """ + (roots == null ? ""
                : " AND (k.closing_id, coalesce(ce.unit_code, ey.unit_code)) IN (SELECT closing_id, code FROM scope)")
                + (after == null ? "" : " AND (k.changed_at, k.id) < (:afterAt, :afterId)")
                + " ORDER BY k.changed_at DESC, k.id DESC LIMIT :limit";
        Query query = entityManager.createNativeQuery(sql).setParameter("year", year).setParameter("limit", limit + 1);
        if (roots != null) {
            query.setParameter("roots", roots);
        }
        if (after != null) {
            query.setParameter("afterAt", after.changedAt()).setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Correction(((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                (UUID) row[2], ((Number) row[3]).longValue(), (String) row[4], (String) row[5],
                CorrectionChange.valueOf((String) row[6]), (String) row[7], (BigDecimal) row[8], (BigDecimal) row[9],
                (String) row[10], ClosingLookup.instant(row[11]), (String) row[12], (String) row[13],
                (String) row[14])).toList();
    }
}
