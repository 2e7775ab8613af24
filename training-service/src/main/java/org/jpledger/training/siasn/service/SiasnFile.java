package org.jpledger.training.siasn.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.contracts.siasn.SiasnCourse;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.contracts.siasn.SiasnStructuralTraining;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.Problems;
import org.jpledger.training.service.csv.CsvRecords;
import org.jpledger.training.service.csv.CsvTooLongException;

/**
 * Reads a file of SIASN training records one row at a time, never the whole file in memory: CSV with a header row of
 * SIASN's field names ({@link SiasnCourse#FIELDS} or {@link SiasnStructuralTraining#FIELDS}, any order, through
 * {@link CsvRecords} with its line and cell caps; ',' or ';' delimited, UTF-8 with or without BOM, an empty cell
 * absent), or JSON lines (one SIASN record object per line, as SIASN's web service returns them; fields the shape does
 * not have are ignored, blank lines skipped). Each row comes with its number (CSV: 1 is the first row after the
 * header; JSON lines: the line number) and either the checked {@link SiasnRecord} or the problem that refuses the row
 * alone (a missing or malformed field, named in SIASN's terms).
 * <p>
 * The shape is named by the caller, or recognised from a CSV header by the columns only one shape has. What refuses
 * the file as a whole is thrown: a header naming an unknown, repeated or missing column, or fitting no shape (400); a
 * line over the line cap (413); bytes that are not UTF-8, or a quote left open at the end (400).
 */
public final class SiasnFile implements Iterator<SiasnFile.Row> {

    /** How the records are written. */
    public enum Format {
        CSV, JSON_LINES
    }

    /**
     * One row of the file: its record, or why the row is refused.
     *
     * @param number the row's number: for CSV the data row (1 after the header), for JSON lines the line
     */
    public record Row(long number, SiasnRecord record, Problem problem) {
    }

    /** The columns a CSV file of each shape must have: what the ledger needs of a record. */
    private static final List<String> REQUIRED_KURSUS = List.of("nip", "jenisDiklatId", "namaKursus", "tanggalKursus",
            "tanggalSelesaiKursus", "jumlahJam");
    private static final List<String> REQUIRED_STRUKTURAL = List.of("nip", "latihanStrukturalId", "tanggal",
            "tanggalSelesai", "jumlahJam");

    private final SiasnShape shape;
    private final ObjectMapper mapper;
    private final BufferedReader reader;
    private final int maxLine;
    private final CsvRecords csv;
    private final List<String> header;
    private long number;
    private Row next;

    private SiasnFile(SiasnShape shape, ObjectMapper mapper, BufferedReader reader, int maxLine, CsvRecords csv,
            List<String> header) {
        this.shape = shape;
        this.mapper = mapper;
        this.reader = reader;
        this.maxLine = maxLine;
        this.csv = csv;
        this.header = header;
    }

    /**
     * Opens a file for reading; for CSV reads its header.
     *
     * @param shape    the shape of the records; null to recognise it from a CSV header (JSON lines must name it)
     * @param maxLine  the most characters of one line (a CSV record, a JSON line)
     * @param maxField the most characters of one CSV cell; a row with a longer cell is refused alone
     */
    public static SiasnFile open(InputStream body, Format format, SiasnShape shape, ObjectMapper mapper, int maxLine,
            int maxField) {
        // A decoder of its own reports malformed bytes, where the reader's default would keep U+FFFD in their place.
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()));
        if (format == Format.JSON_LINES) {
            if (shape == null) {
                throw InvalidRequestException.of("shape", "must name the shape of a JSON lines file: kursus or "
                        + "struktural");
            }
            return new SiasnFile(shape, mapper, reader, maxLine, null, null);
        }
        try {
            char delimiter = CsvRecords.peekDelimiter(reader, maxLine);
            CsvRecords records = new CsvRecords(reader, delimiter, maxLine, maxField);
            if (!records.hasNext()) {
                throw InvalidRequestException.of("body", "is empty; the first line must name the columns");
            }
            List<String> header = records.next().stream().map(String::strip).toList();
            SiasnShape recognised = checkHeader(header, shape);
            return new SiasnFile(recognised, mapper, reader, maxLine, records, header);
        } catch (IOException e) {
            throw readFailure(e);
        } catch (UncheckedIOException e) {
            throw readFailure(e.getCause());
        } catch (CsvTooLongException e) {
            throw e.wholeRecord()
                    ? new PayloadTooLargeException("The header line " + e.getMessage() + "; nothing was read.",
                            List.of(new FieldError("header", "the header line " + e.getMessage())))
                    : InvalidRequestException.of("header", "a column name " + e.getMessage());
        }
    }

    /** The shape of the file's records. */
    public SiasnShape shape() {
        return shape;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = csv != null ? readCsv() : readJsonLine();
        }
        return next != null;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
    }

    /**
     * The shape a header is of (the one named, or the one only it fits), refusing unknown, repeated and missing
     * columns.
     */
    static SiasnShape checkHeader(List<String> header, SiasnShape named) {
        SiasnShape shape = named != null ? named : recognise(header);
        FieldErrors errors = new FieldErrors();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!shape.fields().contains(column)) {
                errors.add("header", "unknown column '" + column + "' for the " + shape.slug() + " shape; its columns "
                        + "are " + String.join(", ", shape.fields()));
            } else if (!seen.add(column)) {
                errors.add("header", "column '" + column + "' is named more than once");
            }
        }
        for (String column : shape == SiasnShape.KURSUS ? REQUIRED_KURSUS : REQUIRED_STRUKTURAL) {
            if (!header.contains(column)) {
                errors.add("header", "missing required column '" + column + "'");
            }
        }
        errors.throwIfAny();
        return shape;
    }

    private static SiasnShape recognise(List<String> header) {
        boolean kursus = header.stream().anyMatch(c -> only(SiasnShape.KURSUS, c));
        boolean struktural = header.stream().anyMatch(c -> only(SiasnShape.STRUKTURAL, c));
        if (kursus == struktural) {
            throw InvalidRequestException.of("shape", kursus
                    ? "the header mixes the columns of riwayat kursus and riwayat diklat struktural; one file holds one"
                    : "cannot be told from the header; name it: kursus or struktural");
        }
        return kursus ? SiasnShape.KURSUS : SiasnShape.STRUKTURAL;
    }

    private static boolean only(SiasnShape shape, String column) {
        SiasnShape other = shape == SiasnShape.KURSUS ? SiasnShape.STRUKTURAL : SiasnShape.KURSUS;
        return shape.fields().contains(column) && !other.fields().contains(column);
    }

    private Row readCsv() {
        List<String> cells;
        try {
            if (!csv.hasNext()) {
                return null;
            }
            cells = csv.next();
        } catch (CsvTooLongException e) {
            long row = number + 1;
            String column = e.column() < header.size() ? header.get(e.column()) : "column " + (e.column() + 1);
            if (e.wholeRecord()) {
                throw new PayloadTooLargeException("Row " + row + " of the file " + e.getMessage() + ".",
                        List.of(new FieldError("row", "row " + row + " " + e.getMessage() + " (in column '" + column
                                + "')")));
            }
            number = row;
            return new Row(row, null, Problems.from(InvalidRequestException.of(column, e.getMessage())));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("row", "row " + (number + 1) + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw readFailure(e.getCause());
        }
        number++;
        if (cells.size() > header.size()) {
            return new Row(number, null, Problems.from(InvalidRequestException.of("row", "has " + cells.size()
                    + " cells; the header names " + header.size() + " columns")));
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i).strip();
            if (!value.isEmpty()) {
                object.put(header.get(i), value);
            }
        }
        return toRow(number, object);
    }

    private Row readJsonLine() {
        try {
            while (true) {
                String line = readLine();
                if (line == null) {
                    return null;
                }
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode object;
                try {
                    object = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    return new Row(number, null, Problems.from(InvalidRequestException.of("line",
                            "is not a JSON object: " + e.getOriginalMessage())));
                }
                if (object == null || !object.isObject()) {
                    return new Row(number, null, Problems.from(InvalidRequestException.of("line",
                            "must be one JSON object")));
                }
                return toRow(number, object);
            }
        } catch (IOException e) {
            throw readFailure(e);
        }
    }

    /** The next line without its line break, refusing (413) one longer than the cap; null at the end. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c = reader.read();
        if (c == -1) {
            return null;
        }
        if (number == 0 && c == '\uFEFF') {
            c = reader.read();
        }
        while (c != -1 && c != '\n') {
            if (line.length() == maxLine) {
                throw new PayloadTooLargeException("Line " + (number + 1) + " of the file is longer than " + maxLine
                        + " characters.", List.of(new FieldError("line", "line " + (number + 1) + " is longer than "
                                + maxLine + " characters")));
            }
            line.append((char) c);
            c = reader.read();
        }
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
    }

    private Row toRow(long row, JsonNode object) {
        try {
            SiasnRecord record = shape == SiasnShape.KURSUS
                    ? SiasnRecord.of(mapper.treeToValue(object, SiasnCourse.class))
                    : SiasnRecord.of(mapper.treeToValue(object, SiasnStructuralTraining.class));
            return new Row(row, record, null);
        } catch (JsonProcessingException | InvalidRequestException e) {
            return new Row(row, null, Problems.from(e));
        } catch (IllegalArgumentException e) {
            return new Row(row, null, Problems.from(e.getCause() instanceof JsonProcessingException json ? json
                    : InvalidRequestException.of("row", e.getMessage())));
        }
    }

    /** A failure to read the body: bytes that are not UTF-8 refuse the file (400); any other is rethrown. */
    private static RuntimeException readFailure(IOException e) {
        if (e instanceof CharacterCodingException) {
            return InvalidRequestException.of("body", "is not UTF-8 text; save the file as UTF-8");
        }
        return new UncheckedIOException(e);
    }

    /** The shape a {@code shape} parameter names: kursus or struktural (or the shape's slug); null when absent. */
    public static SiasnShape shapeNamed(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String value = name.strip().toLowerCase(Locale.ROOT);
        for (SiasnShape shape : SiasnShape.values()) {
            if (value.equals(shape.name().toLowerCase(Locale.ROOT)) || value.equals(shape.slug())) {
                return shape;
            }
        }
        throw InvalidRequestException.of("shape", "must be kursus or struktural");
    }
}
