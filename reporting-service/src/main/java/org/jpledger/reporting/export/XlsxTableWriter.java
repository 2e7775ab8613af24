package org.jpledger.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX through fastexcel's streaming writer: rows are flushed to the zip as they come and text is written inline, so
 * memory stays flat whatever the row count. Numbers and dates are real cells; text that a spreadsheet could run as a
 * formula is neutralised ({@link CellText}). The row count and as-of time go to a second sheet and to the workbook's
 * properties.
 */
public final class XlsxTableWriter implements TableWriter {

    /** Rows kept in memory before fastexcel writes them out. */
    private static final int FLUSH_EVERY = 1_000;

    private final Workbook workbook;
    private Worksheet sheet;
    private final ExportLayout layout;
    private String sheetName;
    private int row;

    public XlsxTableWriter(OutputStream stream, ExportLayout layout, String sheetName) {
        this.workbook = new Workbook(stream, "JP Ledger", "1.0");
        this.layout = layout;
        this.sheetName = sheetName;
        this.sheet = workbook.newWorksheet(sheetName);
    }

    /** Ends the current sheet and starts another, {@code sheetName}: a workbook of several tables (SIASN's two). */
    public void nextSheet(String sheetName) throws IOException {
        sheet.finish();
        this.sheetName = sheetName;
        this.sheet = workbook.newWorksheet(sheetName);
        this.row = 0;
    }

    @Override
    public void header(List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            sheet.value(row, c, names.get(c));
            sheet.style(row, c).bold().set();
        }
        row++;
    }

    @Override
    public void row(Object[] values) throws IOException {
        for (int c = 0; c < values.length; c++) {
            Object value = values[c];
            if (value instanceof BigDecimal decimal) {
                sheet.value(row, c, decimal);
            } else if (value instanceof Number number) {
                sheet.value(row, c, number);
            } else if (value instanceof LocalDate date) {
                sheet.value(row, c, date);
                sheet.style(row, c).format("yyyy-mm-dd").set();
            } else if (value != null) {
                // Inline, not in the shared-strings table, which stays in memory until the end: a million names would
                // not fit a small heap.
                sheet.inlineString(row, c, CellText.neutralised(value.toString()));
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    @Override
    public void trailer(long rows, Instant asOf, FiguresMark figures) throws IOException {
        String asOfText = asOf == null ? "" : asOf.toString();
        Worksheet info = workbook.newWorksheet(layout.english() ? "About" : "Keterangan");
        info.value(0, 0, layout.english() ? "sheet" : "lembar");
        info.value(0, 1, sheetName);
        info.value(1, 0, layout.english() ? "rows" : "jumlah baris");
        info.value(1, 1, rows);
        info.value(2, 0, layout.english() ? "as of" : "data per");
        info.value(2, 1, asOfText);
        workbook.properties().setNumberProperty("rows", BigDecimal.valueOf(rows)).setTextProperty("asOf", asOfText);
        if (figures != null) {
            info.value(3, 0, layout.english() ? "figures" : "angka");
            info.value(3, 1, figures.text());
            workbook.properties().setTextProperty("figures", figures.text());
            if (figures.closingVersion() != null) {
                info.value(4, 0, layout.english() ? "closing version" : "versi penutupan");
                info.value(4, 1, figures.closingVersion());
            }
        }
        sheet.finish();
        info.finish();
    }

    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
