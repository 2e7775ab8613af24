package org.jpledger.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jpledger.contracts.reference.JpBands;

/**
 * Sums the employee-year rows a {@link FigureQuery} covers by method, competency type and delivery mode, and counts them
 * by JP band. Read live: none of it depends on the policy or the day, and it is one pass over the rows of the subtree.
 */
@ApplicationScoped
public class JpBreakdownRepository {

    private static final String BANDS = bandCounts();

    private final EntityManager entityManager;

    public JpBreakdownRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The breakdown of the employees in service in {@code year} whom {@code question} counts, all under one key. */
    public JpBreakdown breakdown(FigureQuery question, int year) {
        String sql = "WITH RECURSIVE " + question.units() + """
                counted AS (
                  SELECT y.* FROM employee_year y WHERE y.year = :year AND y.window_from IS NOT NULL AND %s
                    -- as in the headcount: not those exempt on every day in service
                    AND y.window_until - y.window_from + 1 > y.exempt_days
                )
                SELECT count(*), count(*) FILTER (WHERE total_jp = 0),
                       coalesce(sum(jp_klasikal), 0), coalesce(sum(jp_nonklasikal), 0), coalesce(sum(jp_teknis), 0),
                       coalesce(sum(jp_manajerial), 0), coalesce(sum(jp_sosial_kultural), 0),
                       coalesce(sum(jp_luring), 0), coalesce(sum(jp_daring), 0), coalesce(sum(jp_blended), 0)%s
                FROM counted
                """.formatted(question.counted() == null ? "TRUE" : "y.unit_code IN " + question.counted(), BANDS);
        Query query = entityManager.createNativeQuery(sql).setParameter("year", year);
        question.bind(query);
        Object[] row = (Object[]) query.getSingleResult();
        List<Long> bands = new ArrayList<>();
        for (int i = 10; i < row.length; i++) {
            bands.add(((Number) row[i]).longValue());
        }
        return new JpBreakdown(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (BigDecimal) row[2],
                (BigDecimal) row[3], (BigDecimal) row[4], (BigDecimal) row[5], (BigDecimal) row[6], (BigDecimal) row[7],
                (BigDecimal) row[8], (BigDecimal) row[9], bands);
    }

    /** One count per band; the edges are the contract's constants, written into the SQL as numbers. */
    private static String bandCounts() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < JpBands.EDGES.size(); i++) {
            BigDecimal upper = JpBands.upperEdge(i);
            sql.append(",\n       count(*) FILTER (WHERE total_jp >= ").append(JpBands.EDGES.get(i).toPlainString())
                    .append(upper == null ? "" : " AND total_jp < " + upper.toPlainString()).append(')');
        }
        return sql.toString();
    }
}
