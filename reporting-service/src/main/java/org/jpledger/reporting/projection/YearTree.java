package org.jpledger.reporting.projection;

/**
 * The unit tree of a training year, written once in SQL for every year-scoped query: the units existing on
 * 31 December of {@code :year} (WIB dates, so plain dates), each with the name and parent of its period in force that
 * day, and where the employees of units dissolved by then count. A year's figures aggregate under this tree, so a
 * reorganisation of the SOTK after a year leaves that year's figures as they were.
 */
public final class YearTree {

    /**
     * Common table expressions, each followed by a comma, for a query binding {@code :year} (needs {@code WITH
     * RECURSIVE}):
     * <ul>
     * <li>{@code tree(code, name, parent_code)}: each unit existing on 31 December (not dissolved on or before it,
     * with a period in force by then) with that period's name and parent. A parent folded into another unit that year
     * is replaced by the unit it is folded into; a parent not in the tree makes the unit a root of the year.</li>
     * <li>{@code fold(code, counts_in)}: each unit dissolved on or before 31 December with a successor, and the unit of the
     * tree its employees count in: the successor, followed through successors dissolved by then too. A unit dissolved
     * without one (or whose successors end outside the tree) is in neither: its employees count in the organisation's
     * total only, like those of a unit unknown to reporting.</li>
     * </ul>
     * One pass over {@code unit} and {@code unit_period} (the period in force is the newest by the primary key's order,
     * not a lookup per unit); the successor chains are as long as the mergers in a row, and UNION stops a loop. A unit
     * without periods (written straight into the table, as bulk loads of the bench do) is one period since ever.
     */
    public static final String CTES = """
            year_unit(code, name, parent_code) AS (
                (SELECT DISTINCT ON (p.unit_code) p.unit_code, p.name, p.parent_code
                 FROM unit_period p JOIN unit u ON u.code = p.unit_code
                 WHERE p.effective_from <= make_date(:year, 12, 31)
                   AND (u.dissolved_on IS NULL OR u.dissolved_on > make_date(:year, 12, 31))
                 ORDER BY p.unit_code, p.effective_from DESC)
              UNION ALL
                SELECT u.code, u.name, u.parent_code FROM unit u
                WHERE (u.dissolved_on IS NULL OR u.dissolved_on > make_date(:year, 12, 31))
                  AND NOT EXISTS (SELECT 1 FROM unit_period p WHERE p.unit_code = u.code)
            ), succession(code, counts_in) AS (
                SELECT u.code, u.successor_code FROM unit u
                WHERE u.dissolved_on <= make_date(:year, 12, 31) AND u.successor_code IS NOT NULL
              UNION
                SELECT s.code, u.successor_code FROM succession s JOIN unit u ON u.code = s.counts_in
                WHERE u.dissolved_on <= make_date(:year, 12, 31) AND u.successor_code IS NOT NULL
            ), fold(code, counts_in) AS (
                SELECT s.code, s.counts_in FROM succession s JOIN year_unit y ON y.code = s.counts_in
            ), tree(code, name, parent_code) AS (
                SELECT y.code, y.name, nullif(coalesce(f.counts_in, y.parent_code), y.code)
                FROM year_unit y LEFT JOIN fold f ON f.code = y.parent_code
            ),
            """;

    /**
     * The unit an employee row {@code r} counts in for the year and its name then, as the columns {@code unit_code,
     * unit_name} of the joins {@link #UNIT_JOINS} adds: the row's own unit, or the one it is folded into; the name is
     * null for a unit not in the year's tree.
     */
    public static final String UNIT_COLUMNS = "coalesce(uf.counts_in, r.unit_code), u.name";

    /** The joins {@link #UNIT_COLUMNS} reads, after a row {@code r} of {@code employee_year} or a rating of it. */
    public static final String UNIT_JOINS = " LEFT JOIN fold uf ON uf.code = r.unit_code"
            + " LEFT JOIN tree u ON u.code = coalesce(uf.counts_in, r.unit_code)";

    private YearTree() {
    }
}
