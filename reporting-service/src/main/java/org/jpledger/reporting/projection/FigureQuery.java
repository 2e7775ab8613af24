package org.jpledger.reporting.projection;

import jakarta.persistence.Query;
import java.util.Collection;
import java.util.Map;

/**
 * A question about unit figures, in the SQL both ways of answering it share: the units it needs (common table
 * expressions over the year's unit tree, {@link YearTree}), which employees' units count ({@code null}: all), the key each figure is reported
 * under, and how counted rows {@code r} are joined and grouped to that key. {@link ComplianceRepository} answers it from
 * rated employee rows or from the units' precomputed figures; the unit side is written once, here.
 *
 * @param units   common table expressions, each followed by a comma; empty when none is needed
 * @param counted a subquery of the unit codes whose employees count, or {@code null} for every employee
 */
public record FigureQuery(String units, String counted, String key, String join, String groupBy,
        Map<String, Object> parameters) {

    /**
     * Each direct child of {@code unitCode} in the year's tree over its subtree, and the unit's own employees under the
     * unit's code. UNION (not UNION ALL) stops at a unit seen before, so a parent loop in transient data cannot run
     * forever; the unit itself is never a member of a child's subtree, so adding it needs no second pass for duplicates
     * (UNION ALL).
     */
    public static FigureQuery below(String unitCode) {
        return new FigureQuery(YearTree.CTES + """
                members(code, top) AS (
                    SELECT code, code FROM tree WHERE parent_code = :unit AND code <> :unit
                  UNION
                    SELECT c.code, m.top FROM tree c JOIN members m ON c.parent_code = m.code WHERE c.code <> :unit
                ), reached(code, top) AS (
                    SELECT code, top FROM members UNION ALL SELECT :unit, :unit
                ),
                """ + folded("scope", "reached"), "(SELECT code FROM scope)", "s.top",
                "JOIN scope s ON s.code = r.unit_code", " GROUP BY s.top", Map.of("unit", unitCode));
    }

    /** Each root unit of the year's tree (no parent, or a parent not in it) over its subtree. */
    public static FigureQuery roots() {
        return new FigureQuery(YearTree.CTES + """
                reached(code, top) AS (
                    SELECT code, code FROM tree WHERE parent_code IS NULL
                        OR parent_code NOT IN (SELECT code FROM tree)
                  UNION
                    SELECT c.code, m.top FROM tree c JOIN reached m ON c.parent_code = m.code
                ),
                """ + folded("members", "reached"), null, "m.top", "JOIN members m ON m.code = r.unit_code",
                " GROUP BY m.top", Map.of());
    }

    /** Each of {@code roots} over its own subtree in the year's tree; a root nested in another counts in both. */
    public static FigureQuery units(Collection<String> roots) {
        return new FigureQuery(YearTree.CTES + """
                reached(code, top) AS (
                    SELECT code, code FROM tree WHERE code IN (:roots)
                  UNION
                    SELECT c.code, m.top FROM tree c JOIN reached m ON c.parent_code = m.code
                ),
                """ + folded("members", "reached"), "(SELECT code FROM members)", "m.top",
                "JOIN members m ON m.code = r.unit_code", " GROUP BY m.top", Map.of("roots", roots));
    }

    /** Every employee counting in one of {@code roots} or below in the year's tree, each once, under the key {@code ""}. */
    public static FigureQuery subtrees(Collection<String> roots) {
        return new FigureQuery(YearTree.CTES + """
                reached(code) AS (
                    SELECT code FROM tree WHERE code IN (:roots)
                  UNION
                    SELECT c.code FROM tree c JOIN reached m ON c.parent_code = m.code
                ), covered(code) AS (
                    SELECT code FROM reached UNION ALL SELECT f.code FROM fold f JOIN reached m ON m.code = f.counts_in
                ),
                """, "(SELECT code FROM covered)", "''", "", "", Map.of("roots", roots));
    }

    /** Every employee in service in the year, whatever their unit, under the key {@code ""}. */
    public static FigureQuery all() {
        return new FigureQuery("", null, "''", "", "", Map.of());
    }

    /**
     * The common table expression {@code name(code, top)}: the units of {@code reached(code, top)} with, under the same
     * top, the units folded into them in the year (see {@link YearTree}), whose employees count there.
     */
    private static String folded(String name, String reached) {
        return name + "(code, top) AS (\n    SELECT code, top FROM " + reached
                + " UNION ALL SELECT f.code, m.top FROM fold f JOIN " + reached + " m ON m.code = f.counts_in\n),\n";
    }

    void bind(Query query) {
        parameters.forEach(query::setParameter);
    }
}
