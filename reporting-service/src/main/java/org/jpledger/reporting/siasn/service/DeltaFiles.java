package org.jpledger.reporting.siasn.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.jpledger.contracts.siasn.SiasnAction;
import org.jpledger.contracts.siasn.SiasnCourse;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.contracts.siasn.SiasnStructuralTraining;
import org.jpledger.reporting.export.ExportPermits;
import org.jpledger.reporting.export.ExportSnapshot;
import org.jpledger.reporting.export.PinnedXlsx;
import org.jpledger.reporting.export.StreamedExport;
import org.jpledger.reporting.siasn.SiasnFormat;
import org.jpledger.reporting.siasn.SiasnTable;
import org.jpledger.support.problem.ResourceNotFoundException;

/**
 * The files of a stored delta, rendered from its stored rows: each shape as CSV and JSON lines, and one XLSX of both
 * (its creation time pinned to the delta's), so downloading a delta twice gives the same bytes.
 */
@ApplicationScoped
public class DeltaFiles {

    /** Where a delta's files are downloaded. */
    public static final String PATH = "/api/v1/exports/siasn/deltas/";
    private static final String XLSX_NAME = "siasn-delta.xlsx";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String ROWS = """
            SELECT action, completion_id, shape, record FROM siasn_export_row
            WHERE export_id = :exportId AND shape = :shape ORDER BY seq""";

    private final DataSource dataSource;
    private final ExportPermits permits;
    private final SiasnDeltaService deltas;
    private final ObjectMapper json;

    public DeltaFiles(DataSource dataSource, ExportPermits permits, SiasnDeltaService deltas, ObjectMapper json) {
        this.dataSource = dataSource;
        this.permits = permits;
        this.deltas = deltas;
        this.json = json;
    }

    /** The files of delta {@code exportId}, in the order listed. */
    static List<DeltaExport.DeltaFile> of(UUID exportId) {
        List<DeltaExport.DeltaFile> files = new ArrayList<>();
        for (SiasnShape shape : SiasnShape.values()) {
            for (SiasnFormat format : List.of(SiasnFormat.CSV, SiasnFormat.JSONL)) {
                String name = shape.slug() + "." + format.extension();
                files.add(new DeltaExport.DeltaFile(name, shape.slug(), format.extension(),
                        PATH + exportId + "/files/" + name));
            }
        }
        files.add(new DeltaExport.DeltaFile(XLSX_NAME, null, SiasnFormat.XLSX.extension(),
                PATH + exportId + "/files/" + XLSX_NAME));
        return files;
    }

    /** A delta's file ready to stream, holding a place among the exports in flight; 404 for no such file. */
    public DeltaFile open(UUID exportId, String name, Predicate<List<String>> visible) {
        DeltaExport export = deltas.get(exportId, visible);
        DeltaExport.DeltaFile file = export.files().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("No file " + name + " in this SIASN delta."));
        SiasnFormat format = SiasnFormat.of(file.format());
        List<SiasnShape> shapes = file.shape() == null ? List.of(SiasnShape.values())
                : List.of(file.shape().equals(SiasnShape.KURSUS.slug()) ? SiasnShape.KURSUS : SiasnShape.STRUKTURAL);
        return new DeltaFile(export, name, format, shapes, permits.acquire());
    }

    /** One file of a delta, written once to a response. */
    public final class DeltaFile implements StreamedExport {

        private final DeltaExport export;
        private final String name;
        private final SiasnFormat format;
        private final List<SiasnShape> shapes;
        private final Runnable onEnd;
        private final AtomicBoolean claimed = new AtomicBoolean();

        private DeltaFile(DeltaExport export, String name, SiasnFormat format, List<SiasnShape> shapes,
                Runnable onEnd) {
            this.export = export;
            this.name = name;
            this.format = format;
            this.shapes = shapes;
            this.onEnd = onEnd;
        }

        /** E.g. {@code jpledger-siasn-delta-20261201T020000Z-riwayat-kursus.csv}. */
        @Override
        public String fileName() {
            return "jpledger-siasn-delta-" + STAMP.format(export.createdAt()) + "-" + name;
        }

        public SiasnFormat format() {
            return format;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            if (!claimed.compareAndSet(false, true)) {
                throw new IOException("the file " + name + " was already written");
            }
            try {
                if (format != SiasnFormat.XLSX) {
                    render(out);
                    return;
                }
                // fastexcel stamps the clock's time into the workbook: written aside, then copied with the delta's.
                Path raw = Files.createTempFile("siasn-delta", ".xlsx");
                try {
                    try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(raw), 256 * 1024)) {
                        render(file);
                    }
                    PinnedXlsx.copy(raw, out, export.createdAt());
                } finally {
                    Files.deleteIfExists(raw);
                }
            } finally {
                onEnd.run();
            }
        }

        private void render(OutputStream out) throws IOException {
            try (ExportSnapshot snapshot = ExportSnapshot.open(dataSource);
                    SiasnTable table = new SiasnTable(out, format, true, json, shapes.get(0))) {
                for (SiasnShape shape : shapes) {
                    table.begin(shape);
                    Map<String, Object> values = new HashMap<>();
                    values.put("exportId", export.exportId());
                    values.put("shape", shape.name());
                    Class<? extends Record> type = shape == SiasnShape.KURSUS ? SiasnCourse.class
                            : SiasnStructuralTraining.class;
                    snapshot.forEach(ROWS, values, row -> table.row(SiasnAction.valueOf(row.getString("action")),
                            row.getObject("completion_id", UUID.class), json.readValue(row.getString("record"), type)));
                }
            } catch (SQLException e) {
                throw new UncheckedIOException(new IOException("the SIASN delta could not be read", e));
            }
        }

        @Override
        public boolean closeUnlessWriting() {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            onEnd.run();
            return true;
        }
    }
}
