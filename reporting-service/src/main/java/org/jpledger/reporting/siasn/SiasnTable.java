package org.jpledger.reporting.siasn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.siasn.SiasnAction;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.reporting.export.CsvTableWriter;
import org.jpledger.reporting.export.ExportFormat;
import org.jpledger.reporting.export.ExportLayout;
import org.jpledger.reporting.export.TableWriter;
import org.jpledger.reporting.export.XlsxTableWriter;

/**
 * Writes SIASN records as a file SIASN takes as it is: CSV and XLSX through the exports' table writers, with SIASN's
 * field names as headers and no trailer row; JSON lines as the contract records serialize. An XLSX holds each shape on a
 * sheet of its own. A delta's rows start with {@code action} and the ledger's {@code completionId}.
 */
public final class SiasnTable implements AutoCloseable {

    /** The columns a delta adds before SIASN's fields. */
    public static final List<String> DELTA_FIELDS = List.of("action", "completionId");

    private static final ExportLayout CSV = new ExportLayout(ExportFormat.CSV, false, false, ',');
    private static final ExportLayout XLSX = new ExportLayout(ExportFormat.XLSX, false, false, ',');

    private final SiasnFormat format;
    private final boolean delta;
    private final ObjectMapper json;
    private final TableWriter table;
    private final Writer lines;
    private boolean begun;

    /** A file in {@code format} whose first table (sheet) is {@code first}; {@code delta} adds the delta's columns. */
    public SiasnTable(OutputStream out, SiasnFormat format, boolean delta, ObjectMapper json, SiasnShape first)
            throws IOException {
        this.format = format;
        this.delta = delta;
        this.json = json;
        this.table = switch (format) {
            case CSV -> new CsvTableWriter(out, CSV);
            case XLSX -> new XlsxTableWriter(out, XLSX, first.sheetName());
            case JSONL -> null;
        };
        this.lines = format == SiasnFormat.JSONL
                ? new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024) : null;
    }

    /** Starts the table of {@code shape}: its header (and, in an XLSX after the first, its sheet). */
    public void begin(SiasnShape shape) throws IOException {
        if (begun && table instanceof XlsxTableWriter xlsx) {
            xlsx.nextSheet(shape.sheetName());
        }
        begun = true;
        if (table != null) {
            List<String> header = new ArrayList<>(delta ? DELTA_FIELDS : List.of());
            header.addAll(shape.fields());
            table.header(header);
        }
    }

    /** One record; {@code action} and {@code completionId} are written in a delta only. */
    public void row(SiasnAction action, UUID completionId, Record record) throws IOException {
        if (lines != null) {
            ObjectNode line = json.createObjectNode();
            if (delta) {
                line.put("action", action.name());
                line.put("completionId", completionId.toString());
            }
            line.setAll((ObjectNode) json.valueToTree(record));
            lines.write(json.writeValueAsString(line));
            lines.write('\n');
            return;
        }
        RecordComponent[] fields = record.getClass().getRecordComponents();
        int offset = delta ? DELTA_FIELDS.size() : 0;
        Object[] values = new Object[offset + fields.length];
        if (delta) {
            values[0] = action.name();
            values[1] = completionId.toString();
        }
        for (int i = 0; i < fields.length; i++) {
            values[offset + i] = value(fields[i], record);
        }
        table.row(values);
    }

    @Override
    public void close() throws IOException {
        if (table != null) {
            table.close();
        } else {
            lines.flush();
        }
    }

    public SiasnFormat format() {
        return format;
    }

    private static Object value(RecordComponent field, Record record) {
        try {
            return field.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new UncheckedIOException(new IOException("could not read " + field.getName(), e));
        }
    }
}
