package org.jpledger.reporting.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV in UTF-8: CRLF line ends, a field quoted when it holds the separator, a quote or a line break, quotes
 * doubled; text that a spreadsheet could run as a formula is neutralised ({@link CellText}). The last line is a trailer
 * row, {@code #} then the row count and the as-of time, labelled.
 */
public final class CsvTableWriter implements TableWriter {

    private final Writer out;
    private final ExportLayout layout;

    public CsvTableWriter(OutputStream stream, ExportLayout layout) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
        this.layout = layout;
        if (layout.bom()) {
            out.write('\uFEFF');
        }
    }

    @Override
    public void header(List<String> names) throws IOException {
        line(names.toArray());
    }

    @Override
    public void row(Object[] values) throws IOException {
        line(values);
    }

    @Override
    public void trailer(long rows, Instant asOf, FiguresMark figures) throws IOException {
        Object[] cells = {"#", layout.english() ? "rows" : "jumlah baris", rows,
            layout.english() ? "as of" : "data per", asOf == null ? "" : asOf.toString()};
        if (figures != null) {
            List<Object> marked = new ArrayList<>(List.of(cells));
            marked.addAll(List.of(layout.english() ? "figures" : "angka", figures.text()));
            if (figures.closingVersion() != null) {
                marked.addAll(List.of(layout.english() ? "closing version" : "versi penutupan",
                        figures.closingVersion()));
            }
            cells = marked.toArray();
        }
        line(cells);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    private void line(Object[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(layout.separator());
            }
            out.write(field(values[i]));
        }
        out.write("\r\n");
    }

    String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            String text = decimal.stripTrailingZeros().toPlainString();
            return layout.decimalComma() ? text.replace('.', ',') : text;
        }
        if (value instanceof Number || value instanceof LocalDate) {
            return value.toString();
        }
        String text = CellText.neutralised(value.toString());
        boolean quote = text.indexOf(layout.separator()) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
