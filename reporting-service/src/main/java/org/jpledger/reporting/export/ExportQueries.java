package org.jpledger.reporting.export;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jpledger.contracts.reference.TrainingKinds;
import org.jpledger.reporting.projection.ComplianceRepository;
import org.jpledger.reporting.projection.Tallies;
import org.jpledger.reporting.projection.YearTree;

/**
 * The SQL of each export, over the projections: the same rating as the compliance API (so totals agree), limited to
 * the units asked with their subtrees, in a stable order.
 */
final class ExportQueries {

    /** The units asked and everything below them in today's tree; every unit when none are named. */
    private static final String COVERED = """
            covered(code) AS (
                SELECT code FROM unit WHERE :allUnits OR code = ANY (CAST(:units AS text[]))
              UNION
                SELECT c.code FROM unit c JOIN covered m ON c.parent_code = m.code
            )""";

    /**
     * The units asked and everything below them in the year's tree ({@link YearTree}), as {@code reached}; with the
     * units folded into those, as {@code covered}. Every unit of the year when none are named.
     */
    private static final String YEAR_COVERED = YearTree.CTES + """
            reached(code) AS (
                SELECT code FROM tree WHERE :allUnits OR code = ANY (CAST(:units AS text[]))
              UNION
                SELECT c.code FROM tree c JOIN reached m ON c.parent_code = m.code
            ), covered(code) AS (
                SELECT code FROM reached UNION ALL SELECT f.code FROM fold f JOIN reached m ON m.code = f.counts_in
            )""";

    private static final String KINDS = TrainingKinds.all().stream()
            .map(kind -> "(" + kind.id() + ", '" + kind.name().replace("'", "''") + "')")
            .collect(Collectors.joining(", ", "kinds(id, name) AS (VALUES ", ")"));

    /**
     * Since when the rated employee {@code r} is in the unit they count in (TMT in the unit): the first day of the
     * unbroken run of their unit history's entries naming that unit, up to their last day in service in the year; null
     * without a history.
     */
    private static final String UNIT_SINCE = """
            SELECT min(s.effective_from) AS since FROM (
                SELECT h.effective_from,
                       bool_and(h.unit_code = r.unit_code) OVER (ORDER BY h.effective_from DESC) AS same_unit
                FROM employee_unit_history h WHERE h.nip = r.nip AND h.effective_from <= r.window_until) s
            WHERE s.same_unit""";

    /**
     * The version of the year's standing closing for the rated employee {@code r}, as the employee endpoint names it:
     * the one holding their row (a whole-organisation closing before a unit's), else the whole-organisation one; null
     * while the year is not closed. Closings are API state in schema {@code public} (see {@code ClosingLookup}). Whether
     * any closing of the year stands is asked once per query, so an open year's rows look nothing up.
     */
    private static final String STANDING_CLOSING = """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM public.year_closing c WHERE c.reopened_at IS NULL AND c.year = :year)
                THEN coalesce(
                    (SELECT c.version FROM public.year_closing c
                     JOIN public.closing_employee ce ON ce.closing_id = c.id AND ce.nip = r.nip
                     WHERE c.reopened_at IS NULL AND c.year = :year ORDER BY c.unit_code NULLS FIRST LIMIT 1),
                    (SELECT c.version FROM public.year_closing c
                     WHERE c.reopened_at IS NULL AND c.year = :year AND c.unit_code IS NULL)) END AS version""";

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private ExportQueries() {
    }

    /** The rows of {@code kind} in order. */
    static String rows(ExportKind kind) {
        return switch (kind) {
            // DISTINCT: under OR the check stays a subplan, hashed only when the planner expects few codes, and it
            // cannot count the recursive tree's rows; a DISTINCT list is expected to be short, so it is hashed.
            // The analyst columns' lookups are LEFT JOINs of one row each: the row count's query can leave them out.
            case COMPLIANCE -> "WITH RECURSIVE " + YEAR_COVERED + ", " + ComplianceRepository.ratedCte(
                    "(:allUnits OR y.unit_code IN (SELECT DISTINCT code FROM covered))") + """
                    SELECT r.nip, e.name, %s, r.employment_type, r.position_level, r.target_jp,
                           r.total_jp, r.jp_teknis, r.jp_manajerial, r.jp_sosial_kultural, r.jp_klasikal,
                           r.jp_nonklasikal, r.completion_count, r.status, r.exempt_days, r.leaving_reason,
                           tmt.since, r.window_from, r.window_until, r.expected_jp, r.policy_version,
                           r.policy_unit_code, CASE WHEN closing.version IS NULL THEN 'NO' ELSE 'YES' END,
                           closing.version, nullif(r.pending_jp, 0), nullif(r.flagged_jp, 0)
                    FROM rated r JOIN employee e ON e.nip = r.nip%s
                    LEFT JOIN LATERAL (%s) tmt ON TRUE
                    LEFT JOIN LATERAL (%s) closing ON TRUE
                    WHERE CAST(:status AS text) IS NULL OR r.status = :status
                    ORDER BY 3, e.name, r.nip""".formatted(YearTree.UNIT_COLUMNS, YearTree.UNIT_JOINS, UNIT_SINCE,
                    STANDING_CLOSING);
            case UNITS -> "WITH RECURSIVE " + YEAR_COVERED + """
                    , reach(code, top) AS (
                        SELECT code, code FROM reached
                      UNION
                        SELECT c.code, cl.top FROM tree c JOIN reach cl ON c.parent_code = cl.code
                    ), closure(code, top) AS (
                        SELECT code, top FROM reach UNION ALL SELECT f.code, cl.top FROM fold f JOIN reach cl ON cl.code = f.counts_in
                    ),
                    """ + ComplianceRepository.ratedCte("y.unit_code IN (SELECT code FROM covered)") + """
                    , figures AS (
                        SELECT cl.top, count(*) FILTER (WHERE %1$s) AS headcount,
                               count(*) FILTER (WHERE r.status = 'COMPLIANT') AS compliant,
                               count(*) FILTER (WHERE r.status = 'ON_TRACK') AS on_track,
                               count(*) FILTER (WHERE r.status = 'AT_RISK') AS at_risk,
                               count(*) FILTER (WHERE r.status = 'NOT_MET') AS not_met,
                               sum(r.total_jp) FILTER (WHERE %1$s) AS total_jp,
                    """.formatted(ComplianceRepository.COUNTED) + Tallies.counted(true) + """
                               , sum(r.jp_above_cap) FILTER (WHERE\s""" + ComplianceRepository.ABOVE_CAP + """
                    ) AS jp_above_cap
                        FROM rated r JOIN closure cl ON cl.code = r.unit_code GROUP BY cl.top
                    )
                    SELECT u.code, u.name, u.parent_code, coalesce(f.headcount, 0), coalesce(f.compliant, 0),
                           coalesce(f.on_track, 0), coalesce(f.at_risk, 0), coalesce(f.not_met, 0),
                           CASE WHEN f.headcount > 0 THEN round(f.compliant::numeric / f.headcount, 4) ELSE 0 END,
                           coalesce(f.total_jp, 0),
                           CASE WHEN f.headcount > 0 THEN round(f.total_jp / f.headcount, 2) ELSE 0 END,
                    """ + Tallies.join(t -> "coalesce(f." + t.column() + ", 0)") + """
                           , trim_scale(coalesce(f.jp_above_cap, 0))
                    FROM reached c JOIN tree u ON u.code = c.code LEFT JOIN figures f ON f.top = u.code
                    ORDER BY u.code""";
            case TRAINING_HISTORY -> "WITH RECURSIVE " + COVERED + ", " + KINDS + """
                    SELECT f.nip, e.name, coalesce(y.unit_code, e.unit_code), f.kind_id, k.name, f.title, f.provider,
                           f.certificate_number, f.start_date, f.end_date, f.year,
                           round(f.recognized_jp * coalesce(p.minutes_per_jp, 45) / 60, 2), f.recognized_jp
                    FROM completion_fact f
                    JOIN employee e ON e.nip = f.nip
                    LEFT JOIN employee_year y ON y.nip = f.nip AND y.year = f.year
                    LEFT JOIN policy p ON p.year = f.year
                    LEFT JOIN kinds k ON k.id = f.kind_id
                    WHERE f.status = 'ACTIVE' AND f.verification <> 'REJECTED' AND f.end_date BETWEEN :from AND :to
                      AND (:allUnits OR coalesce(y.unit_code, e.unit_code) IN (SELECT code FROM covered))
                    ORDER BY f.end_date, f.nip, f.completion_id""";
        };
    }

    /** The number of rows {@link #rows} yields, read in the same snapshot before they stream. */
    static String count(ExportKind kind) {
        return "SELECT count(*) FROM (" + rows(kind) + ") counted";
    }

    /** The filter's own parameters (the rating's come from {@link ComplianceRepository#ratingParameters}). */
    static Map<String, Object> parameters(ExportFilter filter) {
        Map<String, Object> values = new HashMap<>();
        values.put("allUnits", filter.units() == null);
        values.put("units", filter.units() == null ? List.of() : filter.units());
        values.put("status", filter.status() == null ? null : filter.status().name());
        values.put("from", filter.from() == null ? EARLIEST : filter.from());
        values.put("to", filter.to() == null ? LATEST : filter.to());
        return values;
    }
}
