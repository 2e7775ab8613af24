package org.jpledger.reporting.projection;

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
import java.util.stream.Stream;
import org.hibernate.jpa.HibernateHints;

/**
 * Compliance read from the employee-year rows, rated by a year's policy as of a given day. Targets and statuses are
 * computed here, in one SQL expression that every query shares (the unit figures precomputed by
 * {@link UnitFiguresRepository} included), so a policy change shows on the next query.
 */
@ApplicationScoped
public class ComplianceRepository {

    /**
     * Rates the employee-year rows of {@code :year} selected by {@code %s}, each by the policy governing its unit (see
     * {@link #POLICY_SET}): the target (the position level's override, else the employment type's, else the policy's
     * target; pro-rated by the days employed less the exempt days and rounded up when the policy says so), the JP
     * expected by {@code :today} (the target times the share the policy's pacing expects by then, see {@link Pacing};
     * exempt days elapsed do not count), and the status. Only rows of employees in service during the year are rated;
     * an employee exempt on every day employed is EXEMPT, and under the leavers rule EXCLUDE a row whose service ends
     * before 31 December is LEFT_SERVICE; neither is in the headcount ({@link #COUNTED}). A row whose employment type
     * has a cap and a contract year ending in the year gets its JP above the cap ({@code jp_above_cap}, null
     * otherwise). The JP counted ({@code total_jp}, and the contract year's JP the cap is judged against) are those of
     * the completions whose verification state the policy's counting counts (a policy without one counts ALL: every
     * completion not rejected); {@code pending_jp} are the rest of the completions not rejected, shown beside, never
     * counted; {@code flagged_jp} those flagged as possible duplicates. The breakdowns by competency type, method and
     * delivery mode stay those of every completion not rejected. The policies' JSON is parsed
     * once per query ({@code OFFSET 0} keeps the planner from copying the casts into every row, where a prepared
     * statement's generic plan parses them again for each employee); so is the number of quarters over by
     * {@code :today}.
     */
    private static final String RATING = """
              SELECT y.nip, y.year, y.unit_code, y.employment_type, y.position_level, y.window_from, y.window_until,
                     jp.counted AS total_jp, y.jp_teknis, y.jp_manajerial, y.jp_sosial_kultural, y.jp_klasikal,
                     y.jp_nonklasikal, y.jp_luring, y.jp_daring, y.jp_blended, y.completion_count,
                     y.last_completion_date, y.exempt_days, y.exempt_from, y.exempt_until, y.leaving_reason,
                     jp.contract AS contract_year_jp, y.total_jp - jp.counted AS pending_jp, y.flagged_jp,
                     t.target_jp,
                     round(t.target_jp * pace.paced / greatest(t.days, 1), 2) AS expected_jp,
                     CASE WHEN t.days = 0 THEN 'EXEMPT'
                          WHEN pace.left_service THEN 'LEFT_SERVICE'
                          WHEN jp.counted >= t.target_jp THEN 'COMPLIANT'
                          WHEN y.window_until < :today THEN 'NOT_MET'
                          WHEN jp.counted * t.days >= t.target_jp * pace.paced THEN 'ON_TRACK'
                          ELSE 'AT_RISK' END AS status,
                     pol.p ->> 'unit' AS policy_unit_code, (pol.p ->> 'version')::bigint AS policy_version,
                     cap.jp AS cap_jp,
                     CASE WHEN cap.jp IS NOT NULL AND jp.contract IS NOT NULL
                          THEN greatest(0, jp.contract - cap.jp) END AS jp_above_cap
              FROM employee_year y
              CROSS JOIN (SELECT cast(:policies AS jsonb) AS policies, cast(:governing AS jsonb) AS governing,
                                 greatest(0, least(4, (extract(year FROM cast(:today AS date) + 1)::integer - :year) * 4
                                     + (extract(month FROM cast(:today AS date) + 1)::integer - 1) / 3)) AS quarters_over
                          OFFSET 0) targets
              CROSS JOIN LATERAL (SELECT targets.policies -> coalesce(targets.governing ->> y.unit_code, '') AS p) pol
              CROSS JOIN LATERAL (
                SELECT CASE pol.p ->> 'counting'
                            WHEN 'VERIFIED_ONLY' THEN y.verified_jp
                            WHEN 'VERIFIED_OR_TRUSTED' THEN y.verified_jp + y.trusted_jp
                            ELSE y.total_jp END AS counted,
                       CASE pol.p ->> 'counting'
                            WHEN 'VERIFIED_ONLY' THEN y.contract_year_verified_jp
                            WHEN 'VERIFIED_OR_TRUSTED' THEN y.contract_year_verified_jp + y.contract_year_trusted_jp
                            ELSE y.contract_year_jp END AS contract) jp
              CROSS JOIN LATERAL (SELECT (pol.p -> 'caps' ->> y.employment_type)::numeric AS jp) cap
              CROSS JOIN LATERAL (
                SELECT CASE WHEN y.exempt_days = 0 OR :today < y.window_from THEN 0
                            WHEN :today >= y.window_until THEN y.exempt_days
                            ELSE (SELECT coalesce(sum(greatest(0, least(p.u, :today) - p.f + 1)), 0)
                                  FROM unnest(y.exempt_from, y.exempt_until) p(f, u)) END AS elapsed) x
              CROSS JOIN LATERAL (
                SELECT CASE WHEN (pol.p ->> 'prorate')::boolean
                            THEN ceil(b.base * (y.window_until - y.window_from + 1 - y.exempt_days) / :daysInYear)
                            ELSE b.base END AS target_jp,
                       y.window_until - y.window_from + 1 - y.exempt_days AS days,
                       greatest(0, least(:today, y.window_until) - y.window_from + 1) - x.elapsed AS elapsed
                FROM (SELECT coalesce((pol.p -> 'byLevel' ->> y.position_level)::numeric,
                                      (pol.p -> 'byType' ->> y.employment_type)::numeric,
                                      (pol.p ->> 'target')::numeric) AS base) b) t
              CROSS JOIN LATERAL (
                SELECT CASE pol.p ->> 'pacing'
                            WHEN 'QUARTERLY' THEN CASE WHEN targets.quarters_over = 0 THEN 0
                                 ELSE t.days * (pol.p -> 'quarters' ->> (targets.quarters_over - 1))::numeric END
                            WHEN 'GRACE' THEN CASE WHEN :today < make_date(:year, (pol.p ->> 'graceMonth')::integer, 1)
                                 THEN 0 ELSE t.elapsed END
                            ELSE t.elapsed END AS paced,
                       pol.p ->> 'leavers' = 'EXCLUDE' AND y.window_until < make_date(:year, 12, 31) AS left_service
              ) pace
              WHERE y.year = :year AND y.window_from IS NOT NULL AND %s""";

    /**
     * Every policy of {@code :year} and which one governs each unit, as the two JSON texts {@link #RATING} is given:
     * the policies keyed by unit code ({@code ""} for the national one, or the defaults when none is stored), each with
     * its unit ({@code null}: national) and version; and, for each unit at or below a unit policy in the year's tree
     * ({@link YearTree}), the code of the nearest ancestor-or-self that has one (units absent from it are governed by
     * the national policy). A unit folded into another that year is governed as the unit it is folded into (its own
     * policy of the year, if any, governs nothing). jsonb's text
     * is canonical, so the same policies and tree give the same text: freshness compares these texts.
     */
    public static final String POLICY_SET = """
            WITH RECURSIVE
            """ + YearTree.CTES + """
            stated AS (
                SELECT NULL::text AS unit_code, p.target_jp, p.target_by_employment_type, p.target_by_position_level,
                       p.prorate, p.pacing, p.quarter_fractions, p.at_risk_from_month, p.leavers,
                       p.cap_by_employment_type, p.version, p.counting
                FROM policy p WHERE p.year = :year
              UNION ALL
                SELECT NULL::text, cast(:defaultTarget AS numeric), '{}'::jsonb, '{}'::jsonb,
                       cast(:defaultProrate AS boolean), cast(:defaultPacing AS text), NULL::jsonb, NULL::integer,
                       cast(:defaultLeavers AS text), '{}'::jsonb, 0::bigint, cast(:defaultCounting AS text)
                WHERE NOT EXISTS (SELECT 1 FROM policy p WHERE p.year = :year)
              UNION ALL
                SELECT p.unit_code, p.target_jp, p.target_by_employment_type, p.target_by_position_level,
                       p.prorate, p.pacing, p.quarter_fractions, p.at_risk_from_month, p.leavers,
                       p.cap_by_employment_type, p.version, p.counting
                FROM unit_policy p WHERE p.year = :year
            ), governed(code, policy_code) AS (
                SELECT p.unit_code, p.unit_code FROM unit_policy p
                WHERE p.year = :year AND p.unit_code NOT IN (SELECT code FROM fold)
              UNION
                SELECT c.code, g.policy_code FROM tree c JOIN governed g ON c.parent_code = g.code
                WHERE NOT EXISTS (SELECT 1 FROM unit_policy p WHERE p.year = :year AND p.unit_code = c.code)
            ), governing(code, policy_code) AS (
                SELECT code, policy_code FROM governed
              UNION ALL
                SELECT f.code, g.policy_code FROM fold f JOIN governed g ON g.code = f.counts_in
            )
            SELECT (SELECT jsonb_object_agg(coalesce(s.unit_code, ''), jsonb_build_object('target', s.target_jp,
                        'byType', s.target_by_employment_type, 'byLevel', s.target_by_position_level,
                        'prorate', s.prorate, 'pacing', s.pacing, 'quarters', s.quarter_fractions,
                        'graceMonth', s.at_risk_from_month, 'leavers', s.leavers, 'caps', s.cap_by_employment_type,
                        'unit', s.unit_code, 'version', s.version, 'counting', s.counting)) FROM stated s)::text,
                   (SELECT coalesce(jsonb_object_agg(g.code, g.policy_code), '{}'::jsonb) FROM governing g)::text
            """;

    /** The rating as the common table expression {@code rated}. */
    private static final String RATED = "rated AS (\n" + RATING + ")\n";

    private static final String RATED_COLUMNS = """
            r.nip, e.name, r.year, """ + YearTree.UNIT_COLUMNS + """
            , r.employment_type, r.position_level, r.window_from,
            r.window_until, r.total_jp, r.jp_teknis, r.jp_manajerial, r.jp_sosial_kultural, r.jp_klasikal,
            r.jp_nonklasikal, r.jp_luring, r.jp_daring, r.jp_blended, r.completion_count, r.last_completion_date,
            r.target_jp, r.expected_jp, r.status, r.policy_unit_code, r.policy_version, r.cap_jp, r.exempt_days,
            r.leaving_reason, r.contract_year_jp, r.jp_above_cap, r.pending_jp, r.flagged_jp
            """;

    /** Which {@code rated r} rows count in the headcount (and the total JP): not the exempt, nor excluded leavers. */
    public static final String COUNTED = "r.status NOT IN ('EXEMPT', 'LEFT_SERVICE')";

    /** Which {@code rated r} rows are above their cap (counted ones only, like their total JP). */
    public static final String ABOVE_CAP = COUNTED + " AND r.jp_above_cap > 0";

    /**
     * Headcount, the counts by status, the total JP, the {@link Tallies}, the JP above caps, and the JP pending
     * verification and flagged as possible duplicates of the {@code rated r} rows of a group (the last two, like the
     * total, of the counted rows only).
     */
    static final String FIGURES = """
            count(*) FILTER (WHERE %1$s), count(*) FILTER (WHERE r.status = 'COMPLIANT'),
            count(*) FILTER (WHERE r.status = 'ON_TRACK'),
            count(*) FILTER (WHERE r.status = 'AT_RISK'), count(*) FILTER (WHERE r.status = 'NOT_MET'),
            coalesce(sum(r.total_jp) FILTER (WHERE %1$s), 0)
            """.formatted(COUNTED) + ", " + Tallies.counted(false)
            + ", coalesce(sum(r.jp_above_cap) FILTER (WHERE " + ABOVE_CAP + "), 0)"
            + ", coalesce(sum(r.pending_jp) FILTER (WHERE " + COUNTED + "), 0)"
            + ", coalesce(sum(r.flagged_jp) FILTER (WHERE " + COUNTED + "), 0)\n";

    /**
     * The same figures summed over {@code unit_year_figures r} rows. Totals come only from rows with a headcount: a row
     * emptied by moves keeps a zero of its JP scale until the next refresh, and would lend that scale to the sum.
     */
    private static final String SUMS = """
            coalesce(sum(r.headcount), 0), coalesce(sum(r.compliant), 0), coalesce(sum(r.on_track), 0),
            coalesce(sum(r.at_risk), 0), coalesce(sum(r.not_met), 0),
            coalesce(sum(r.total_jp) FILTER (WHERE r.headcount > 0), 0)
            """ + ", " + Tallies.join(t -> "coalesce(sum(r." + t.column() + "), 0)")
            + ", coalesce(sum(r.jp_above_cap), 0), coalesce(sum(r.pending_jp), 0), coalesce(sum(r.flagged_jp), 0)\n";

    /**
     * One row when the year's precomputed figures were rated with exactly these parameters of {@link #RATED}; none
     * otherwise. Bind {@link Rating#parameters()} of the day the year is rated as of.
     */
    private static final String FRESH = """
            fresh AS (
              SELECT 1 FROM unit_year_rating s
              WHERE s.year = :year AND s.rated_on = :today AND s.policies = :policies AND s.governing = :governing
                AND s.days_in_year = :daysInYear)
            """;

    private final EntityManager entityManager;

    public ComplianceRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The employee's row of the year, rated; empty when they were not in service in it. */
    public Optional<RatedEmployee> employee(String nip, int year, YearPolicies policies, LocalDate today) {
        Query query = entityManager.createNativeQuery("WITH RECURSIVE " + YearTree.CTES
                + RATED.formatted("y.nip = :nip") + " SELECT " + RATED_COLUMNS + " FROM rated r JOIN employee e ON "
                + "e.nip = r.nip" + YearTree.UNIT_JOINS);
        rate(query, year, policies, today).setParameter("nip", nip);
        return results(query).stream().findFirst().map(ComplianceRepository::ratedEmployee);
    }

    /**
     * The figures of each direct child of {@code unitCode} over its subtree, and of the unit's own employees under the
     * unit's code; children without employees are absent.
     */
    public Map<String, UnitFigures> figuresBelow(String unitCode, int year, YearPolicies policies, LocalDate today) {
        return figures(FigureQuery.below(unitCode), year, policies, today);
    }

    /** The figures of each root unit over its subtree. */
    public Map<String, UnitFigures> figuresOfRoots(int year, YearPolicies policies, LocalDate today) {
        return figures(FigureQuery.roots(), year, policies, today);
    }

    /**
     * The figures of each of {@code roots} (unit codes) over its subtree; a root nested in another counts in both, each
     * over its own subtree. Roots without employees or unknown to reporting are absent.
     */
    public Map<String, UnitFigures> figuresOfUnits(Collection<String> roots, int year, YearPolicies policies,
            LocalDate today) {
        return figures(FigureQuery.units(roots), year, policies, today);
    }

    /** The figures of every employee counting in one of {@code roots} or below, each counted once. */
    public UnitFigures figuresOfSubtrees(Collection<String> roots, int year, YearPolicies policies, LocalDate today) {
        return figures(FigureQuery.subtrees(roots), year, policies, today).getOrDefault("", UnitFigures.NONE);
    }

    /** The figures of every employee in service in the year, whatever their unit. */
    public UnitFigures figuresOfAll(int year, YearPolicies policies, LocalDate today) {
        return figures(FigureQuery.all(), year, policies, today).getOrDefault("", UnitFigures.NONE);
    }

    /**
     * The answer to {@code question}: summed from the units' precomputed figures when those were rated for this day and
     * these policies, else rated live from the employee rows (the same answer, slower: after a day change or a policy
     * change, until {@link UnitFiguresRefresher} has refreshed the year).
     */
    public Map<String, UnitFigures> figures(FigureQuery question, int year, YearPolicies policies, LocalDate today) {
        return precomputedFigures(question, year, policies, today)
                .orElseGet(() -> liveFigures(question, year, policies, today));
    }

    /** The answer to {@code question} rated from every employee row it covers; the definition the others must equal. */
    public Map<String, UnitFigures> liveFigures(FigureQuery question, int year, YearPolicies policies, LocalDate today) {
        String sql = "WITH RECURSIVE " + question.units() + RATED.formatted(
                question.counted() == null ? "TRUE" : "y.unit_code IN " + question.counted())
                + " SELECT " + question.key() + ", " + FIGURES + " FROM rated r " + question.join() + question.groupBy()
                // A group with neither counted nor exempt employees (excluded leavers alone) has no figures, as in the
                // precomputed sums; a question without groups answers one row, figures or not, as those do.
                + (question.groupBy().isEmpty() ? ""
                        : " HAVING count(*) FILTER (WHERE " + COUNTED + " OR r.status = 'EXEMPT') > 0");
        Query query = entityManager.createNativeQuery(sql);
        rate(query, year, policies, today);
        question.bind(query);
        return figuresByKey(query);
    }

    /**
     * The answer to {@code question} summed from the units' own figures in {@code unit_year_figures}; empty when the
     * year's rows were not rated for this day (clamped to the year, see {@link Rating#dayFor}) and these policies. The
     * check and the sums are one statement, so they read one snapshot: a refresh committing in between cannot mix in.
     */
    public Optional<Map<String, UnitFigures>> precomputedFigures(FigureQuery question, int year, YearPolicies policies,
            LocalDate today) {
        String sql = "WITH RECURSIVE " + question.units() + FRESH + " SELECT " + question.key() + ", " + SUMS
                + " FROM unit_year_figures r " + question.join()
                + " WHERE r.year = :year AND EXISTS (SELECT 1 FROM fresh)"
                // A join to the units already keeps only the units counted; filtering on them again costs a probe each.
                + (question.counted() == null || !question.join().isEmpty() ? ""
                        : " AND r.unit_code IN " + question.counted()) + question.groupBy()
                // Rows emptied by moves stay until the next refresh: a group shows as the live answer's does.
                + (question.groupBy().isEmpty() ? "" : " HAVING sum(r.headcount) + sum(r.exempt) > 0")
                + " UNION ALL SELECT NULL, 0, 0, 0, 0, 0, 0, " + Tallies.join(t -> "0") + ", 0, 0, 0 FROM fresh";
        Query query = entityManager.createNativeQuery(sql);
        rating(year, policies, Rating.dayFor(year, today)).parameters().forEach(query::setParameter);
        question.bind(query);
        List<Object[]> rows = results(query);
        // The row without a key says the year's rows are fresh; without it, the sums were computed from nothing.
        if (rows.stream().noneMatch(row -> row[0] == null)) {
            return Optional.empty();
        }
        return Optional.of(figuresByKey(rows.stream().filter(row -> row[0] != null).toList()));
    }

    /** Whether {@code rating.year()}'s precomputed figures were made by exactly this rating (day and policies). */
    public boolean fresh(Rating rating) {
        Query query = entityManager.createNativeQuery("WITH " + FRESH + " SELECT count(*) FROM fresh");
        rating.parameters().forEach(query::setParameter);
        return count(query.getSingleResult()) > 0;
    }

    /**
     * A page of the employees counting in any of {@code roots} or below them (each once), or of every employee rated in
     * the year, whatever their unit, when {@code roots} is null; in the given order, after the cursor position,
     * optionally of some statuses and matching a search. {@code limit + 1} rows are read so the caller can tell whether
     * a next page exists.
     * <p>
     * In an order by total JP, each unit of the subtrees gives only its own first {@code limit + 1} rows (read in that
     * order from the index on {@code employee_year (year, unit_code, total_jp, nip)}, rated as they are read, stopping
     * once enough match), and the page is the first of those: the same rows as rating the whole subtree, but a root
     * of hundreds of thousands of employees reads a few dozen per unit when the status asked is common at that end of
     * the order. In an order by name (kept in {@code employee}, not in the year's row), and for every employee, every
     * row covered is rated.
     */
    public List<RatedEmployee> employeesOf(Collection<String> roots, int year, YearPolicies policies, LocalDate today,
            EmployeeFilter filter, EmployeeOrder order, EmployeeOrder.Position after, int limit) {
        String condition = filter.condition() + (after == null ? "" : " AND " + order.after());
        StringBuilder sql = new StringBuilder("WITH RECURSIVE " + YearTree.CTES + (roots == null ? "" : """
                reached(code) AS (
                    SELECT code FROM tree WHERE code IN (:roots)
                  UNION
                    SELECT c.code FROM tree c JOIN reached s ON c.parent_code = s.code
                ), scope(code) AS (
                    SELECT code FROM reached UNION ALL SELECT f.code FROM fold f JOIN reached s ON s.code = f.counts_in
                ),"""));
        if (roots != null && order.byJp()) {
            // The page's rows are picked first; names and unit names are looked up for those alone.
            sql.setLength(sql.length() - 1);
            sql.append(" SELECT ").append(RATED_COLUMNS).append(" FROM (SELECT r.* FROM scope s CROSS JOIN LATERAL (")
                    .append("SELECT r.* FROM (").append(RATING.formatted("y.unit_code = s.code"))
                    .append(") r JOIN employee e ON e.nip = r.nip WHERE TRUE").append(condition)
                    .append(" ORDER BY ").append(order.orderBy()).append(" LIMIT :limit) r")
                    .append(" ORDER BY ").append(order.orderBy()).append(" LIMIT :limit) r")
                    .append(" JOIN employee e ON e.nip = r.nip").append(YearTree.UNIT_JOINS);
        } else {
            sql.append(' ').append(RATED.formatted(roots == null ? "TRUE" : "y.unit_code IN (SELECT code FROM scope)"))
                    .append(" SELECT ").append(RATED_COLUMNS).append(" FROM rated r")
                    .append(" JOIN employee e ON e.nip = r.nip").append(YearTree.UNIT_JOINS).append(" WHERE TRUE")
                    .append(condition);
        }
        sql.append(" ORDER BY ").append(order.orderBy()).append(" LIMIT :limit");
        Query query = entityManager.createNativeQuery(sql.toString());
        rate(query, year, policies, today).setParameter("limit", limit + 1);
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
        return results(query).stream().map(ComplianceRepository::ratedEmployee).toList();
    }

    /**
     * Every employee rated in the year whose unit {@code scope} counts (all of them for {@link FigureQuery#all()}), by
     * NIP, read from a forward-only cursor {@code fetchSize} rows at a time as the stream is consumed: a whole year's
     * snapshot in bounded memory. Close the stream; it must be consumed inside the transaction.
     */
    @SuppressWarnings("unchecked")
    public Stream<RatedEmployee> employeesByNip(FigureQuery scope, int year, YearPolicies policies, LocalDate today,
            int fetchSize) {
        // The unit columns name the unit each row counts in under the year's tree, whatever units the scope needs.
        Query query = entityManager.createNativeQuery("WITH RECURSIVE "
                + (scope.units().isEmpty() ? YearTree.CTES : scope.units())
                + RATED.formatted(scope.counted() == null ? "TRUE" : "y.unit_code IN " + scope.counted())
                + " SELECT " + RATED_COLUMNS + " FROM rated r JOIN employee e ON e.nip = r.nip"
                + YearTree.UNIT_JOINS + " ORDER BY r.nip");
        rate(query, year, policies, today);
        scope.bind(query);
        query.setHint(HibernateHints.HINT_FETCH_SIZE, fetchSize);
        return ((Stream<Object[]>) query.getResultStream()).map(ComplianceRepository::ratedEmployee);
    }

    /**
     * The {@code rated} common table expression (see {@link #RATED}) over the rows {@code filter} selects, for queries
     * of their own such as the exports and the refresh of the unit figures; bind {@link #ratingParameters}.
     */
    public static String ratedCte(String filter) {
        return RATED.formatted(filter);
    }

    /** The values of the {@code rated} expression's parameters for a year, its policy and a day. */
    public Map<String, Object> ratingParameters(int year, YearPolicies policies, LocalDate today) {
        return rating(year, policies, today).parameters();
    }

    /** What the {@code rated} expression is given to rate a year by its {@code policies} as of {@code day}. */
    public Rating rating(int year, YearPolicies policies, LocalDate day) {
        return new Rating(year, day, policies.policies(), policies.governing());
    }

    /** Every policy of {@code year} as it is stored now, and which governs each unit (see {@link #POLICY_SET}). */
    public YearPolicies policiesOf(int year) {
        Query query = entityManager.createNativeQuery(POLICY_SET);
        policySetParameters(year).forEach(query::setParameter);
        Object[] row = (Object[]) query.getSingleResult();
        return new YearPolicies((String) row[0], (String) row[1]);
    }

    /** The parameters of {@link #POLICY_SET}: the year, and the defaults that rate a year without a national policy. */
    public static Map<String, Object> policySetParameters(int year) {
        PolicyTerms defaults = PolicyTerms.DEFAULT;
        Map<String, Object> values = new HashMap<>();
        values.put("year", year);
        values.put("defaultTarget", defaults.targetJp());
        values.put("defaultProrate", defaults.prorate());
        values.put("defaultPacing", defaults.pacing().name());
        values.put("defaultLeavers", defaults.leavers().name());
        values.put("defaultCounting", defaults.counting().name());
        return values;
    }

    /**
     * Every policy of a year and which governs each unit, as the JSON texts {@link #POLICY_SET} gives and the
     * {@code rated} expression reads.
     */
    public record YearPolicies(String policies, String governing) {
    }

    /**
     * The parameters of one rating by the {@code rated} expression: the year, the day it is as of, and the year's
     * policies as the expression reads them (see {@link YearPolicies}). Stored with the unit figures it made, so that a
     * consumer batch can rate changed employees exactly as the rest of the year was rated.
     */
    public record Rating(int year, LocalDate day, String policies, String governing) {

        /**
         * The day to rate {@code year} as of on {@code today}: today itself during the year; the day before the year
         * for a year not begun, and the day after it for a year over, because every day before (after) the year rates
         * all of its employees alike (their windows lie within the year). So a past year's figures stay fresh.
         */
        public static LocalDate dayFor(int year, LocalDate today) {
            LocalDate eve = LocalDate.of(year, 1, 1).minusDays(1);
            LocalDate after = LocalDate.of(year + 1, 1, 1);
            return today.isBefore(eve) ? eve : today.isAfter(after) ? after : today;
        }

        public Map<String, Object> parameters() {
            Map<String, Object> values = new HashMap<>();
            values.put("year", year);
            values.put("today", day);
            values.put("daysInYear", EmploymentYears.daysIn(year));
            values.put("policies", policies);
            values.put("governing", governing);
            return values;
        }
    }

    private Query rate(Query query, int year, YearPolicies policies, LocalDate today) {
        ratingParameters(year, policies, today).forEach(query::setParameter);
        return query;
    }

    @SuppressWarnings("unchecked")
    static List<Object[]> results(Query query) {
        return query.getResultList();
    }

    private static Map<String, UnitFigures> figuresByKey(Query query) {
        return figuresByKey(results(query));
    }

    /**
     * Rows of a key, the six figures, the tallies, the JP above caps, pending and flagged, as {@link #FIGURES} and
     * {@link #SUMS} give.
     */
    static Map<String, UnitFigures> figuresByKey(List<Object[]> rows) {
        Map<String, UnitFigures> figures = new HashMap<>();
        for (Object[] row : rows) {
            figures.put((String) row[0], new UnitFigures(count(row[1]), count(row[2]), count(row[3]), count(row[4]),
                    count(row[5]), decimal(row[6]), Tallies.read(row, 7), decimal(row[7 + Tallies.ALL.size()]),
                    decimal(row[8 + Tallies.ALL.size()]), decimal(row[9 + Tallies.ALL.size()])));
        }
        return figures;
    }

    private static RatedEmployee ratedEmployee(Object[] r) {
        return new RatedEmployee((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], date(r[7]), date(r[8]), decimal(r[9]), decimal(r[10]),
                decimal(r[11]), decimal(r[12]), decimal(r[13]), decimal(r[14]), decimal(r[15]), decimal(r[16]),
                decimal(r[17]), ((Number) r[18]).intValue(), date(r[19]), decimal(r[20]), decimal(r[21]),
                ComplianceStatus.valueOf((String) r[22]), (String) r[23], ((Number) r[24]).longValue(),
                decimal(r[25]), ((Number) r[26]).intValue(), (String) r[27], decimal(r[28]), decimal(r[29]),
                decimal(r[30]), decimal(r[31]));
    }

    static long count(Object value) {
        return ((Number) value).longValue();
    }

    static BigDecimal decimal(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    static LocalDate date(Object value) {
        return value == null ? null : value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
