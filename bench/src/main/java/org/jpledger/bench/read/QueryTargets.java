package org.jpledger.bench.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the read benchmark asks reporting-service about: a training year, employees to look up one by one, and the
 * units whose compliance is asked: a leaf, a unit in the middle of the tree, and the root.
 *
 * @param year       the training year asked for
 * @param sampleNips employees looked up in turn (each in service in the year)
 * @param leafUnit   a unit without children
 * @param midUnit    a unit between the root and the leaves
 * @param rootUnit   the root of the tree measured (the province, or the nation)
 */
public record QueryTargets(int year, List<String> sampleNips, String leafUnit, String midUnit, String rootUnit) {

    public QueryTargets {
        sampleNips = List.copyOf(sampleNips);
        if (sampleNips.isEmpty()) {
            throw new IllegalArgumentException("at least one employee to look up");
        }
    }

    /**
     * Targets read from reporting-service's own tables (its database, e.g. {@code PostgresServer.jdbcUrl("reporting")}):
     * {@code sample} employees in service in the year below {@code rootUnit} spread over the NIP range, the leaf below
     * the root with the most employees in the year, and the direct child of the root with the most employees in its
     * subtree (the worst case of each kind). For data loaded through the pipeline, whose shape the caller does not
     * know.
     */
    public static QueryTargets discover(Connection reporting, int year, String rootUnit, int sample)
            throws SQLException {
        String subtree = """
                WITH RECURSIVE tree(code, top) AS (
                    SELECT code, code FROM unit WHERE parent_code = ? AND code <> ?
                  UNION
                    SELECT c.code, t.top FROM unit c JOIN tree t ON c.parent_code = t.code
                )
                """;
        String leaf;
        try (PreparedStatement query = reporting.prepareStatement(subtree + """
                SELECT y.unit_code FROM employee_year y JOIN tree t ON t.code = y.unit_code
                WHERE y.year = ? AND y.window_from IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_code = y.unit_code)
                GROUP BY y.unit_code ORDER BY count(*) DESC, y.unit_code LIMIT 1""")) {
            query.setString(1, rootUnit);
            query.setString(2, rootUnit);
            query.setInt(3, year);
            leaf = single(query, "a leaf unit with employees below " + rootUnit);
        }
        String mid;
        try (PreparedStatement query = reporting.prepareStatement(subtree + """
                SELECT t.top FROM employee_year y JOIN tree t ON t.code = y.unit_code
                WHERE y.year = ? AND y.window_from IS NOT NULL
                  AND EXISTS (SELECT 1 FROM unit c WHERE c.parent_code = t.top)
                GROUP BY t.top ORDER BY count(*) DESC, t.top LIMIT 1""")) {
            query.setString(1, rootUnit);
            query.setString(2, rootUnit);
            query.setInt(3, year);
            mid = single(query, "a child of " + rootUnit + " with units below it");
        }
        List<String> nips = new ArrayList<>();
        try (PreparedStatement query = reporting.prepareStatement("""
                WITH RECURSIVE tree(code) AS (
                    SELECT CAST(? AS text)
                  UNION
                    SELECT c.code FROM unit c JOIN tree t ON c.parent_code = t.code
                )
                SELECT y.nip FROM employee_year y
                WHERE y.year = ? AND y.window_from IS NOT NULL AND y.unit_code IN (SELECT code FROM tree)
                ORDER BY md5(y.nip) LIMIT ?""")) {
            query.setString(1, rootUnit);
            query.setInt(2, year);
            query.setInt(3, sample);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    nips.add(rs.getString(1));
                }
            }
        }
        return new QueryTargets(year, nips, leaf, mid, rootUnit);
    }

    private static String single(PreparedStatement query, String what) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("reporting holds no " + what);
            }
            return rs.getString(1);
        }
    }
}
