package org.jpledger.bench.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The primary key, unique constraints and indexes of a table, taken off before a bulk load and put back after it, as
 * their own definitions say: one sorted build per index instead of millions of inserts into it. Whatever a migration
 * adds to the table later comes back the same way, without this code knowing it.
 */
final class IndexStash {

    private record Constraint(String name, String definition) {
    }

    private record Index(String name, String definition) {
    }

    private final String table;
    private final List<Constraint> constraints;
    private final List<Index> indexes;

    private IndexStash(String table, List<Constraint> constraints, List<Index> indexes) {
        this.table = table;
        this.constraints = constraints;
        this.indexes = indexes;
    }

    /** Records the table's keys and indexes, then drops them. */
    static IndexStash takeOff(Connection connection, String table) throws SQLException {
        List<Constraint> constraints = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT conname, pg_get_constraintdef(oid) FROM "
                + "pg_constraint WHERE conrelid = CAST(? AS regclass) AND contype IN ('p', 'u', 'x') ORDER BY conname")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    constraints.add(new Constraint(rs.getString(1), rs.getString(2)));
                }
            }
        }
        List<Index> indexes = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT i.relname, pg_get_indexdef(i.oid) FROM "
                + "pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = CAST(? AS regclass) AND NOT "
                + "EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) ORDER BY i.relname")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    indexes.add(new Index(rs.getString(1), rs.getString(2)));
                }
            }
        }
        try (Statement sql = connection.createStatement()) {
            for (Index index : indexes) {
                sql.execute("DROP INDEX " + quote(index.name()));
            }
            for (Constraint constraint : constraints) {
                sql.execute("ALTER TABLE " + table + " DROP CONSTRAINT " + quote(constraint.name()));
            }
        }
        return new IndexStash(table, constraints, indexes);
    }

    /** Builds the keys and indexes again. */
    void putBack(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            for (Constraint constraint : constraints) {
                sql.execute("ALTER TABLE " + table + " ADD CONSTRAINT " + quote(constraint.name()) + " "
                        + constraint.definition());
            }
            for (Index index : indexes) {
                sql.execute(index.definition());
            }
        }
    }

    int count() {
        return constraints.size() + indexes.size();
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
