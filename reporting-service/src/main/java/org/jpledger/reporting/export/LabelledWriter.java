package org.jpledger.reporting.export;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Writes the rows of an Indonesian file through another writer, each coded column's code as its Indonesian name
 * followed by the code where the column keeps it ({@link Column}); headers come already as the file has them
 * ({@link ExportKind#headers}). One array is reused for every row: the writers copy the values out before returning.
 */
final class LabelledWriter implements TableWriter {

    private final TableWriter writer;
    private final Column[] columns;
    private final Object[] cells;

    LabelledWriter(TableWriter writer, List<Column> columns) {
        this.writer = writer;
        this.columns = columns.toArray(Column[]::new);
        this.cells = new Object[columns.stream().mapToInt(column -> column.headers(false).size()).sum()];
    }

    @Override
    public void header(List<String> names) throws IOException {
        writer.header(names);
    }

    @Override
    public void row(Object[] values) throws IOException {
        int cell = 0;
        for (int c = 0; c < columns.length; c++) {
            Column column = columns[c];
            cells[cell++] = column.coded() ? column.label(values[c]) : values[c];
            if (column.withCode()) {
                cells[cell++] = values[c];
            }
        }
        writer.row(cells);
    }

    @Override
    public void trailer(long rows, Instant asOf, FiguresMark figures) throws IOException {
        writer.trailer(rows, asOf, figures);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
