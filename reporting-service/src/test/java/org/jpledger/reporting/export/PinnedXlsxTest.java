package org.jpledger.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An XLSX copied with its creation time pinned is the same bytes however late it is written, and reads the same. */
class PinnedXlsxTest {

    private static final ExportLayout XLSX = new ExportLayout(ExportFormat.XLSX, false, false, ',');
    private static final Instant CLOSED = Instant.parse("2026-02-03T02:00:00Z");

    @TempDir
    Path directory;

    @Test
    void givesTheSameBytesForTheSameRowsWrittenAtDifferentTimes() throws Exception {
        byte[] first = pinned("first.xlsx");
        Thread.sleep(20);
        byte[] second = pinned("second.xlsx");

        assertThat(second).isEqualTo(first);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(first))) {
            var rows = workbook.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("Kode Unit");
            assertThat(rows.get(1).getCellText(0)).isEqualTo("U-1");
            assertThat(rows.get(1).getCellText(1)).isEqualTo("'=Dinas, \"Baru\"");
        }
    }

    private byte[] pinned(String name) throws Exception {
        Path raw = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(raw); TableWriter writer = TableWriter.open(out,
                ExportKind.UNITS, XLSX)) {
            writer.header(ExportKind.UNITS.headers(false));
            writer.row(new Object[] {"U-1", "=Dinas, \"Baru\"", null, 3L, new BigDecimal("0.3333")});
            writer.trailer(1, CLOSED);
        }
        ByteArrayOutputStream pinned = new ByteArrayOutputStream();
        PinnedXlsx.copy(raw, pinned, CLOSED);
        return pinned.toByteArray();
    }

    @Test
    void setsTheCreationTimeToTheGivenInstant() throws Exception {
        byte[] bytes = pinned("time.xlsx");
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("docProps/core.xml")) {
                    assertThat(new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains(">2026-02-03T02:00:00Z</dcterms:created>");
                    return;
                }
            }
        }
        throw new AssertionError("no docProps/core.xml");
    }
}
