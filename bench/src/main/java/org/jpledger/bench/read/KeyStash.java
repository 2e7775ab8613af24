package org.jpledger.bench.read;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys and indexes of tables about to be bulk loaded, taken off and put back as the catalog defines them: the
 * foreign keys on them or pointing at them first (a key cannot go while a foreign key needs it), then each table's
 * primary key, unique constraints and indexes ({@link IndexStash}). Put back in the opposite order, each foreign key
 * checked once over the loaded rows instead of row by row.
 */
final class KeyStash {

    private record ForeignKey(String table, String name, String definition) {
    }

    private final List<ForeignKey> foreignKeys;
    private final List<IndexStash> tables;

    private KeyStash(List<ForeignKey> foreignKeys, List<IndexStash> tables) {
        this.foreignKeys = foreignKeys;
        this.tables = tables;
    }

    /** Records the tables' keys and indexes, and the foreign keys touching them, then drops them all. */
    static KeyStash takeOff(Connection connection, List<String> tables) throws SQLException {
        List<ForeignKey> foreignKeys = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT CAST(conrelid AS regclass), conname, "
                + "pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'f' AND (conrelid = ANY(?) OR "
                + "confrelid = ANY(?)) ORDER BY 1, 2")) {
            List<Long> oids = new ArrayList<>();
            for (String table : tables) {
                oids.add(oid(connection, table));
            }
            Array array = connection.createArrayOf("oid", oids.toArray());
            query.setArray(1, array);
            query.setArray(2, array);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    foreignKeys.add(new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        try (Statement sql = connection.createStatement()) {
            for (ForeignKey key : foreignKeys) {
                sql.execute("ALTER TABLE " + key.table() + " DROP CONSTRAINT " + IndexStash.quote(key.name()));
            }
        }
        List<IndexStash> stashes = new ArrayList<>();
        for (String table : tables) {
            stashes.add(IndexStash.takeOff(connection, table));
        }
        return new KeyStash(foreignKeys, stashes);
    }

    /** Builds the keys and indexes again, then the foreign keys. */
    void putBack(Connection connection) throws SQLException {
        for (IndexStash table : tables) {
            table.putBack(connection);
        }
        try (Statement sql = connection.createStatement()) {
            for (ForeignKey key : foreignKeys) {
                sql.execute("ALTER TABLE " + key.table() + " ADD CONSTRAINT " + IndexStash.quote(key.name()) + " "
                        + key.definition());
            }
        }
    }

    private static long oid(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT CAST(CAST(? AS regclass) AS oid)")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
