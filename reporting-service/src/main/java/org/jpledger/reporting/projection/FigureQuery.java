package org.jpledger.reporting.projection;

import jakarta.persistence.Query;
import java.util.Collection;
import java.util.Map;

/**
 * A question about unit figures, in the SQL both ways of answering it share: the units it needs (common table
 * expressions over {@code unit}), which employees' units count ({@code null}: all), the key each figure is reported
 * under, and how counted rows {@code r} are joined and grouped to that key. {@link ComplianceRepository} answers it from
 * rated employee rows or from the units' precomputed figures; the unit side is written once, here.
 *
 * @param units   common table expressions, each followed by a comma; empty when none is needed
 * @param counted a subquery of the unit codes whose employees count, or {@code null} for every employee
 */
public record FigureQuery(String units, String counted, String key, String join, String groupBy,
        Map<String, Object> parameters) {

    /**
     * Each direct child of {@code unitCode} over its subtree, and the unit's own employees under the unit's code.
     * UNION (not UNION ALL) stops at a unit seen before, so a parent loop in transient data cannot run forever; the unit
     * itself is never a member of a child's subtree, so adding it needs no second pass for duplicates (UNION ALL).
     */
    public static FigureQuery below(String unitCode) {
        return new FigureQuery("""
                members(code, top) AS (
                    SELECT code, code FROM unit WHERE parent_code = :unit AND code <> :unit
                  UNION
                    SELECT c.code, m.top FROM unit c JOIN members m ON c.parent_code = m.code WHERE c.code <> :unit
                ), scope(code, top) AS (
                    SELECT code, top FROM members UNION ALL SELECT :unit, :unit
                ),
                """, "(SELECT code FROM scope)", "s.top", "JOIN scope s ON s.code = r.unit_code", " GROUP BY s.top",
                Map.of("unit", unitCode));
    }

    /** Each root unit (no parent, or a parent unknown to reporting) over its subtree. */
    public static FigureQuery roots() {
        return new FigureQuery("""
                members(code, top) AS (
                    SELECT code, code FROM unit WHERE parent_code IS NULL
                        OR parent_code NOT IN (SELECT code FROM unit)
                  UNION
                    SELECT c.code, m.top FROM unit c JOIN members m ON c.parent_code = m.code
                ),
                """, null, "m.top", "JOIN members m ON m.code = r.unit_code", " GROUP BY m.top", Map.of());
    }

    /** Each of {@code roots} over its own subtree; a root nested in another counts in both. */
    public static FigureQuery units(Collection<String> roots) {
        return new FigureQuery("""
                members(code, top) AS (
                    SELECT code, code FROM unit WHERE code IN (:roots)
                  UNION
                    SELECT c.code, m.top FROM unit c JOIN members m ON c.parent_code = m.code
                ),
                """, "(SELECT code FROM members)", "m.top", "JOIN members m ON m.code = r.unit_code", " GROUP BY m.top",
                Map.of("roots", roots));
    }

    /** Every employee counting in one of {@code roots} or below, each once, under the key {@code ""}. */
    public static FigureQuery subtrees(Collection<String> roots) {
        return new FigureQuery("""
                covered(code) AS (
                    SELECT code FROM unit WHERE code IN (:roots)
                  UNION
                    SELECT c.code FROM unit c JOIN covered m ON c.parent_code = m.code
                ),
                """, "(SELECT code FROM covered)", "''", "", "", Map.of("roots", roots));
    }

    /** Every employee in service in the year, whatever their unit, under the key {@code ""}. */
    public static FigureQuery all() {
        return new FigureQuery("", null, "''", "", "", Map.of());
    }

    void bind(Query query) {
        parameters.forEach(query::setParameter);
    }
}
