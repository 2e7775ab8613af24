package org.jpledger.support.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Where units sit in the tree, read from the service's own {@code unit (code, parent_code)} table (both services keep
 * one): walking up from a unit takes as many steps as the tree is deep, whatever its size. Thread-safe, so parallel
 * workers of one request may use it with the scope the request resolved.
 */
@ApplicationScoped
public class UnitTree {

    private static final String COVERED = "WITH RECURSIVE up (start, code, parent_code, depth) AS ("
            + " SELECT code, code, parent_code, 0 FROM unit WHERE code = ANY (?)"
            + " UNION ALL"
            + " SELECT up.start, u.code, u.parent_code, up.depth + 1 FROM unit u JOIN up ON u.code = up.parent_code"
            + " WHERE up.depth < 100)"
            + " SELECT DISTINCT start FROM up WHERE code = ANY (?)";

    private final DataSource dataSource;

    public UnitTree(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether {@code unitCode} is one of {@code roots} or lies below one of them; false for an unknown unit. */
    public boolean isWithin(String unitCode, Set<String> roots) {
        return unitCode != null && (roots.contains(unitCode) || !covered(Set.of(unitCode), roots).isEmpty());
    }

    /** Those of {@code unitCodes} that are among {@code roots} or below one of them, in one query. */
    public Set<String> covered(Collection<String> unitCodes, Set<String> roots) {
        Set<String> covered = new HashSet<>();
        if (unitCodes.isEmpty() || roots.isEmpty()) {
            return covered;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(COVERED)) {
            query.setArray(1, connection.createArrayOf("text", unitCodes.stream().distinct().toArray()));
            query.setArray(2, connection.createArrayOf("text", roots.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    covered.add(rows.getString(1));
                }
            }
            return covered;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the unit tree", e);
        }
    }
}
