package org.jpledger.reporting.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compliance read from the employee-year rows, rated by a year's policy as of a given day. Targets and statuses are
 * computed here, in one SQL expression that every query shares, so a policy change shows on the next query.
 */
@ApplicationScoped
public class ComplianceRepository {

    /**
     * Rates the employee-year rows of {@code :year} selected by {@code %s}: the target (the position level's override,
     * else the employment type's, else the year's target; pro-rated by the days employed and rounded up when the
     * policy says so), the JP expected by {@code :today} (the target pro-rated to the days of service elapsed), and
     * the status. Only rows of employees in service during the year are rated.
     */
    private static final String RATED = """
            rated AS (
              SELECT y.*, t.target_jp,
                     round(t.target_jp * t.elapsed / t.days, 2) AS expected_jp,
                     CASE WHEN y.total_jp >= t.target_jp THEN 'COMPLIANT'
                          WHEN y.window_until < :today THEN 'NOT_MET'
                          WHEN y.total_jp * t.days >= t.target_jp * t.elapsed THEN 'ON_TRACK'
                          ELSE 'AT_RISK' END AS status
              FROM employee_year y
              CROSS JOIN LATERAL (
                SELECT CASE WHEN :prorate THEN ceil(b.base * (y.window_until - y.window_from + 1) / :daysInYear)
                            ELSE b.base END AS target_jp,
                       y.window_until - y.window_from + 1 AS days,
                       greatest(0, least(:today, y.window_until) - y.window_from + 1) AS elapsed
                FROM (SELECT coalesce((cast(:byLevel AS jsonb) ->> y.position_level)::numeric,
                                      (cast(:byType AS jsonb) ->> y.employment_type)::numeric,
                                      :target) AS base) b) t
              WHERE y.year = :year AND y.window_from IS NOT NULL AND %s)
            """;

    private static final String RATED_COLUMNS = """
            r.nip, e.name, r.year, r.unit_code, u.name, r.employment_type, r.position_level, r.window_from,
            r.window_until, r.total_jp, r.jp_teknis, r.jp_manajerial, r.jp_sosial_kultural, r.jp_klasikal,
            r.jp_nonklasikal, r.jp_luring, r.jp_daring, r.jp_blended, r.completion_count, r.last_completion_date,
            r.target_jp, r.expected_jp, r.status
            """;

    private static final String FIGURES = """
            count(*), count(*) FILTER (WHERE r.status = 'COMPLIANT'), count(*) FILTER (WHERE r.status = 'ON_TRACK'),
            count(*) FILTER (WHERE r.status = 'AT_RISK'), count(*) FILTER (WHERE r.status = 'NOT_MET'),
            coalesce(sum(r.total_jp), 0)
            """;

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public ComplianceRepository(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** The employee's row of the year, rated; empty when they were not in service in it. */
    public Optional<RatedEmployee> employee(String nip, int year, PolicyTerms terms, LocalDate today) {
        Query query = entityManager.createNativeQuery("WITH " + RATED.formatted("y.nip = :nip") + " SELECT "
                + RATED_COLUMNS + " FROM rated r JOIN employee e ON e.nip = r.nip LEFT JOIN unit u ON u.code = r.unit_code");
        rate(query, year, terms, today).setParameter("nip", nip);
        return results(query).stream().findFirst().map(ComplianceRepository::ratedEmployee);
    }

    /**
     * The figures of each direct child of {@code unitCode} over its subtree, and of the unit's own employees under the
     * unit's code; children without employees are absent.
     */
    public Map<String, UnitFigures> figuresBelow(String unitCode, int year, PolicyTerms terms, LocalDate today) {
        // UNION (not UNION ALL) stops at a unit seen before, so a parent loop in transient data cannot run forever;
        // the unit itself is never a member of a child's subtree.
        String sql = """
                WITH RECURSIVE members(code, top) AS (
                    SELECT code, code FROM unit WHERE parent_code = :unit AND code <> :unit
                  UNION
                    SELECT c.code, m.top FROM unit c JOIN members m ON c.parent_code = m.code WHERE c.code <> :unit
                ), scope(code, top) AS (
                    SELECT code, top FROM members UNION SELECT :unit, :unit
                ),
                """ + RATED.formatted("y.unit_code IN (SELECT code FROM scope)")
                + " SELECT s.top, " + FIGURES + " FROM rated r JOIN scope s ON s.code = r.unit_code GROUP BY s.top";
        Query query = entityManager.createNativeQuery(sql);
        rate(query, year, terms, today).setParameter("unit", unitCode);
        return figuresByKey(query);
    }

    /** The figures of each root unit over its subtree. */
    public Map<String, UnitFigures> figuresOfRoots(int year, PolicyTerms terms, LocalDate today) {
        String sql = """
                WITH RECURSIVE members(code, top) AS (
                    SELECT code, code FROM unit WHERE parent_code IS NULL
                        OR parent_code NOT IN (SELECT code FROM unit)
                  UNION
                    SELECT c.code, m.top FROM unit c JOIN members m ON c.parent_code = m.code
                ),
                """ + RATED.formatted("TRUE")
                + " SELECT m.top, " + FIGURES + " FROM rated r JOIN members m ON m.code = r.unit_code GROUP BY m.top";
        Query query = entityManager.createNativeQuery(sql);
        rate(query, year, terms, today);
        return figuresByKey(query);
    }

    /**
     * The figures of each of {@code roots} (unit codes) over its subtree; a root nested in another counts in both, each
     * over its own subtree. Roots without employees or unknown to reporting are absent.
     */
    public Map<String, UnitFigures> figuresOfUnits(Collection<String> roots, int year, PolicyTerms terms,
            LocalDate today) {
        String sql = """
                WITH RECURSIVE members(code, top) AS (
                    SELECT code, code FROM unit WHERE code IN (:roots)
                  UNION
                    SELECT c.code, m.top FROM unit c JOIN members m ON c.parent_code = m.code
                ),
                """ + RATED.formatted("y.unit_code IN (SELECT code FROM members)")
                + " SELECT m.top, " + FIGURES + " FROM rated r JOIN members m ON m.code = r.unit_code GROUP BY m.top";
        Query query = entityManager.createNativeQuery(sql);
        rate(query, year, terms, today).setParameter("roots", roots);
        return figuresByKey(query);
    }

    /** The figures of every employee counting in one of {@code roots} or below, each counted once. */
    public UnitFigures figuresOfSubtrees(Collection<String> roots, int year, PolicyTerms terms, LocalDate today) {
        String sql = """
                WITH RECURSIVE covered(code) AS (
                    SELECT code FROM unit WHERE code IN (:roots)
                  UNION
                    SELECT c.code FROM unit c JOIN covered m ON c.parent_code = m.code
                ),
                """ + RATED.formatted("y.unit_code IN (SELECT code FROM covered)") + " SELECT '', " + FIGURES
                + " FROM rated r";
        Query query = entityManager.createNativeQuery(sql);
        rate(query, year, terms, today).setParameter("roots", roots);
        return figuresByKey(query).getOrDefault("", UnitFigures.NONE);
    }

    /** The figures of every employee in service in the year, whatever their unit. */
    public UnitFigures figuresOfAll(int year, PolicyTerms terms, LocalDate today) {
        Query query = entityManager.createNativeQuery("WITH " + RATED.formatted("TRUE") + " SELECT '', " + FIGURES
                + " FROM rated r");
        rate(query, year, terms, today);
        return figuresByKey(query).getOrDefault("", UnitFigures.NONE);
    }

    /**
     * A page of the employees of a unit's subtree in the given order, after the cursor position, optionally of one
     * status; {@code limit + 1} rows are read so the caller can tell whether a next page exists.
     */
    public List<RatedEmployee> employeesOfSubtree(String unitCode, int year, PolicyTerms terms, LocalDate today,
            ComplianceStatus status, EmployeeOrder order, EmployeeOrder.Position after, int limit) {
        StringBuilder sql = new StringBuilder("""
                WITH RECURSIVE scope(code) AS (
                    SELECT CAST(:unit AS text)
                  UNION
                    SELECT c.code FROM unit c JOIN scope s ON c.parent_code = s.code
                ),
                """).append(RATED.formatted("y.unit_code IN (SELECT code FROM scope)"))
                .append(" SELECT ").append(RATED_COLUMNS)
                .append(" FROM rated r JOIN employee e ON e.nip = r.nip LEFT JOIN unit u ON u.code = r.unit_code WHERE TRUE");
        if (status != null) {
            sql.append(" AND r.status = :status");
        }
        if (after != null) {
            sql.append(" AND ").append(order.after());
        }
        sql.append(" ORDER BY ").append(order.orderBy()).append(" LIMIT :limit");
        Query query = entityManager.createNativeQuery(sql.toString());
        rate(query, year, terms, today).setParameter("unit", unitCode).setParameter("limit", limit + 1);
        if (status != null) {
            query.setParameter("status", status.name());
        }
        if (after != null) {
            order.bind(query, after);
        }
        return results(query).stream().map(ComplianceRepository::ratedEmployee).toList();
    }

    /**
     * The {@code rated} common table expression (see {@link #RATED}) over the rows {@code filter} selects, for queries
     * of their own such as the exports; bind {@link #ratingParameters}.
     */
    public static String ratedCte(String filter) {
        return RATED.formatted(filter);
    }

    /** The values of the {@code rated} expression's parameters for a year, its policy and a day. */
    public Map<String, Object> ratingParameters(int year, PolicyTerms terms, LocalDate today) {
        Map<String, Object> values = new HashMap<>();
        values.put("year", year);
        values.put("today", today);
        values.put("prorate", terms.prorate());
        values.put("daysInYear", EmploymentYears.daysIn(year));
        values.put("byLevel", json(terms.targetByPositionLevel()));
        values.put("byType", json(terms.targetByEmploymentType()));
        values.put("target", terms.targetJp());
        return values;
    }

    private Query rate(Query query, int year, PolicyTerms terms, LocalDate today) {
        ratingParameters(year, terms, today).forEach(query::setParameter);
        return query;
    }

    private String json(Map<String, BigDecimal> targets) {
        try {
            return mapper.writeValueAsString(targets == null ? Map.of() : targets);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> results(Query query) {
        return query.getResultList();
    }

    private static Map<String, UnitFigures> figuresByKey(Query query) {
        Map<String, UnitFigures> figures = new HashMap<>();
        for (Object[] row : results(query)) {
            figures.put((String) row[0], new UnitFigures(count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                    count(row[5]), decimal(row[6])));
        }
        return figures;
    }

    private static RatedEmployee ratedEmployee(Object[] r) {
        return new RatedEmployee((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], date(r[7]), date(r[8]), decimal(r[9]), decimal(r[10]),
                decimal(r[11]), decimal(r[12]), decimal(r[13]), decimal(r[14]), decimal(r[15]), decimal(r[16]),
                decimal(r[17]), ((Number) r[18]).intValue(), date(r[19]), decimal(r[20]), decimal(r[21]),
                ComplianceStatus.valueOf((String) r[22]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
