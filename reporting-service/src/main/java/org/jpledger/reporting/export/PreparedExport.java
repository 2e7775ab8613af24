package org.jpledger.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An export whose snapshot is open and whose as-of time and row count are known, ready to be written once, to a
 * response or a file. Writing (or closing unwritten) ends the snapshot, then runs the export's end action (giving back
 * its place among the exports in flight).
 */
public final class PreparedExport implements StreamedExport, AutoCloseable {

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
    private final Runnable onEnd;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile FiguresMark figures;

    PreparedExport(ExportKind kind, ExportFilter filter, ExportLayout layout, Instant asOf, long rows,
            ExportSnapshot snapshot, NamedSql sql, Map<String, Object> values, Runnable onEnd) {
        this.kind = kind;
        this.filter = filter;
        this.layout = layout;
        this.asOf = asOf;
        this.rows = rows;
        this.snapshot = snapshot;
        this.sql = sql;
        this.values = values;
        this.onEnd = onEnd;
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
    @Override
    public String fileName() {
        return "jpledger-" + kind.slug() + "-" + (asOf == null ? "empty" : STAMP.format(asOf)) + "."
                + layout.format().extension();
    }

    /** The time of the newest event in the data; null when none has been applied. */
    public Instant asOf() {
        return asOf;
    }

    /**
     * Says in the trailer whether the figures are closed or live; set before writing, and only for the exports of a
     * year's figures (the others' trailers keep their shape).
     */
    public void mark(FiguresMark mark) {
        this.figures = mark;
    }

    /** Whether the figures are closed or live, when said; null otherwise. */
    public FiguresMark figures() {
        return figures;
    }

    /** The number of data rows the file holds (header and trailer not counted). */
    public long rows() {
        return rows;
    }

    /**
     * Writes the whole file: header, every row as the cursor yields it, trailer; then ends the export, also when
     * writing fails.
     *
     * @throws IOException when the export was already written or closed, or the stream fails
     */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (!claimed.compareAndSet(false, true)) {
            throw new IOException("the export " + fileName() + " was already written or closed");
        }
        try (PreparedExport self = this; TableWriter writer = TableWriter.open(out, kind, layout)) {
            writer.header(kind.headers(layout.english()));
            long written = snapshot.stream(sql, values, writer);
            writer.trailer(written, asOf, figures);
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("the export could not be read", e));
        }
    }

    /**
     * Ends the export unless it is being (or was) written: for a response that ended before its body was written (the
     * client went away, a later step failed), while a writer in progress ends the export itself. True when it ended it.
     */
    @Override
    public boolean closeUnlessWriting() {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        close();
        return true;
    }

    /** Ends the snapshot and runs the end action; only the first call does anything. */
    @Override
    public void close() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            snapshot.close();
        } finally {
            onEnd.run();
        }
    }
}
