package org.jpledger.bench.read;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows streamed into one table with PostgreSQL's {@code COPY ... FROM STDIN} (text format) over its own connection: a
 * row is built field by field and written through a buffer, so nothing but the current row is held in memory. Several
 * streams on several connections may be fed from one thread; each server process reads its own.
 */
final class CopyStream implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final String table;
    private final PGCopyOutputStream copy;
    private final Writer out;
    private final StringBuilder row = new StringBuilder(512);
    private long rows;

    private CopyStream(String table, PGCopyOutputStream copy) {
        this.table = table;
        this.copy = copy;
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on {@code connection}, which it then holds until {@link #close}. */
    static CopyStream open(Connection connection, String table, String columns) {
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            return new CopyStream(table, new PGCopyOutputStream(pg, "COPY " + table + " (" + columns + ") FROM STDIN",
                    BUFFER));
        } catch (SQLException e) {
            throw new IllegalStateException("could not start COPY into " + table + ": " + e.getMessage(), e);
        }
    }

    CopyStream text(String value) {
        separate();
        if (value == null) {
            row.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
        return this;
    }

    /** A value whose text needs no escaping (numbers, codes, UUIDs). */
    CopyStream plain(Object value) {
        separate();
        row.append(value == null ? "\\N" : value.toString());
        return this;
    }

    CopyStream number(long value) {
        separate();
        row.append(value);
        return this;
    }

    CopyStream date(LocalDate value) {
        return plain(value);
    }

    CopyStream bool(boolean value) {
        separate();
        row.append(value ? 't' : 'f');
        return this;
    }

    /** Ends the current row and writes it. */
    void endRow() {
        row.append('\n');
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException("COPY into " + table + " failed after " + rows + " rows", e);
        }
        row.setLength(0);
        rows++;
    }

    long rows() {
        return rows;
    }

    String table() {
        return table;
    }

    private void separate() {
        if (!row.isEmpty()) {
            row.append('\t');
        }
    }

    /** Sends what is left and ends the COPY; the server checks and commits the rows now. */
    @Override
    public void close() {
        try {
            out.flush();
            copy.endCopy();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed at its end (" + rows + " rows sent): "
                    + e.getMessage(), e);
        }
    }
}
