package org.jpledger.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/** Writes one export table as it is read: the header, the rows, then what the whole file is (rows and as-of time). */
public interface TableWriter extends AutoCloseable {

    /**
     * The writer of a {@code kind} table in {@code layout}'s format onto {@code out}: give it the headers of
     * {@link ExportKind#headers} and rows in {@link ExportKind#columns}, codes in coded columns; an Indonesian file
     * writes those by their Indonesian names (and the codes after them).
     */
    static TableWriter open(OutputStream out, ExportKind kind, ExportLayout layout) throws IOException {
        return open(out, kind, kind.columns(), layout);
    }

    /** As {@link #open(OutputStream, ExportKind, ExportLayout)}, for rows in {@code columns} (of the kind's sheet). */
    static TableWriter open(OutputStream out, ExportKind kind, List<Column> columns, ExportLayout layout)
            throws IOException {
        TableWriter writer = layout.format() == ExportFormat.XLSX ? new XlsxTableWriter(out, layout, kind.sheetName())
                : new CsvTableWriter(out, layout);
        return layout.english() || columns.stream().noneMatch(Column::coded) ? writer
                : new LabelledWriter(writer, columns);
    }

    void header(List<String> names) throws IOException;

    /** One row; a value is a String, a Number, a LocalDate or null. */
    void row(Object[] values) throws IOException;

    /** Closes the table with its row count and the time the data is as of ({@code null}: nothing applied yet). */
    default void trailer(long rows, Instant asOf) throws IOException {
        trailer(rows, asOf, null);
    }

    /**
     * Closes the table with its row count, as-of time and, unless null, whether its figures are closed or live (and
     * the year's standing closing's version).
     */
    void trailer(long rows, Instant asOf, FiguresMark figures) throws IOException;

    @Override
    void close() throws IOException;
}
