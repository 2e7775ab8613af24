package org.jpledger.reporting.siasn.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.reporting.export.ExportSnapshot;
import org.jpledger.reporting.export.StreamedExport;
import org.jpledger.reporting.siasn.SiasnFormat;
import org.jpledger.reporting.siasn.SiasnQueries;
import org.jpledger.reporting.siasn.SiasnRow;
import org.jpledger.reporting.siasn.SiasnTable;

/**
 * The full SIASN training history of a request, its snapshot open: written once to a response, one table per shape
 * asked, then the snapshot ends and its place among the exports in flight is given back.
 */
public final class SiasnFullExport implements StreamedExport {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final ExportSnapshot snapshot;
    private final Instant asOf;
    private final List<SiasnShape> shapes;
    private final SiasnFormat format;
    private final Map<String, Object> values;
    private final ObjectMapper json;
    private final Runnable onEnd;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    SiasnFullExport(ExportSnapshot snapshot, Instant asOf, List<SiasnShape> shapes, SiasnFormat format,
            Map<String, Object> values, ObjectMapper json, Runnable onEnd) {
        this.snapshot = snapshot;
        this.asOf = asOf;
        this.shapes = shapes;
        this.format = format;
        this.values = values;
        this.json = json;
        this.onEnd = onEnd;
    }

    /** E.g. {@code jpledger-siasn-riwayat-kursus-20261122T101500Z.csv}; {@code jpledger-siasn-...} for both shapes. */
    @Override
    public String fileName() {
        String what = shapes.size() == 1 ? "-" + shapes.get(0).slug() : "";
        return "jpledger-siasn" + what + "-" + (asOf == null ? "empty" : STAMP.format(asOf)) + "."
                + format.extension();
    }

    public SiasnFormat format() {
        return format;
    }

    /** The time of the newest event in the data; null when none has been applied. */
    public Instant asOf() {
        return asOf;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        if (!claimed.compareAndSet(false, true)) {
            throw new IOException("the export " + fileName() + " was already written or closed");
        }
        try (SiasnTable table = new SiasnTable(out, format, false, json, shapes.get(0))) {
            for (SiasnShape shape : shapes) {
                table.begin(shape);
                Map<String, Object> shaped = new HashMap<>(values);
                shaped.put("kursus", shape == SiasnShape.KURSUS);
                shaped.put("struktural", shape == SiasnShape.STRUKTURAL);
                snapshot.forEach(SiasnQueries.FULL, shaped, row -> {
                    SiasnRow read = SiasnRow.read(row);
                    table.row(null, read.completionId(), read.record());
                });
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("the SIASN export could not be read", e));
        } finally {
            close();
        }
    }

    @Override
    public boolean closeUnlessWriting() {
        if (!claimed.compareAndSet(false, true)) {
            return false;
        }
        close();
        return true;
    }

    private void close() {
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
