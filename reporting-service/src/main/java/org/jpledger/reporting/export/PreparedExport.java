package org.jpledger.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * An export whose snapshot is open and whose as-of time and row count are known, ready to be written once, to a
 * response or a file. Writing (or closing unwritten) ends the snapshot.
 */
public final class PreparedExport implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ExportKind kind;
    private final ExportFilter filter;
    private final ExportLayout layout;
    private final Instant asOf;
    private final long rows;
    private final ExportSnapshot snapshot;
    private final NamedSql sql;
    private final Map<String, Object> values;

    PreparedExport(ExportKind kind, ExportFilter filter, ExportLayout layout, Instant asOf, long rows,
            ExportSnapshot snapshot, NamedSql sql, Map<String, Object> values) {
        this.kind = kind;
        this.filter = filter;
        this.layout = layout;
        this.asOf = asOf;
        this.rows = rows;
        this.snapshot = snapshot;
        this.sql = sql;
        this.values = values;
    }

    public ExportKind kind() {
        return kind;
    }

    public ExportFilter filter() {
        return filter;
    }

    public ExportLayout layout() {
        return layout;
    }

    /** A file name saying what and as of when, e.g. {@code jpledger-compliance-20261122T101500Z.csv}. */
    public String fileName() {
        return "jpledger-" + kind.slug() + "-" + (asOf == null ? "empty" : STAMP.format(asOf)) + "."
                + layout.format().extension();
    }

    /** The time of the newest event in the data; null when none has been applied. */
    public Instant asOf() {
        return asOf;
    }

    /** The number of data rows the file holds (header and trailer not counted). */
    public long rows() {
        return rows;
    }

    /** Writes the whole file: header, every row as the cursor yields it, trailer; then ends the snapshot. */
    public void writeTo(OutputStream out) throws IOException {
        try (snapshot; TableWriter writer = layout.format() == ExportFormat.XLSX
                ? new XlsxTableWriter(out, layout, kind.sheetName()) : new CsvTableWriter(out, layout)) {
            writer.header(kind.headers(layout.english()));
            long written = snapshot.stream(sql, values, writer);
            writer.trailer(written, asOf);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("the export could not be read", e));
        }
    }

    @Override
    public void close() {
        snapshot.close();
    }
}
