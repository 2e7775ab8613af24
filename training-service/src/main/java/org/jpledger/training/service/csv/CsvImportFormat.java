package org.jpledger.training.service.csv;

import static org.jpledger.training.service.csv.CompletionCsv.columnName;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.config.IngestConfig;
import org.jpledger.training.service.imports.ImportFormat;
import org.jpledger.training.service.imports.ImportRow;
import org.jpledger.training.service.imports.RowSource;

/**
 * The CSV import format: UTF-8 with or without BOM, ',' or ';' delimited (with ';' a decimal comma is accepted in jp),
 * a header row naming the columns ({@link CompletionCsv}). No line is held longer than its cap: a header over it
 * refuses the file; a data line over it ends the file there (a refused row with status 413); a row with a cell over
 * its cap is refused on its own.
 */
@ApplicationScoped
public class CsvImportFormat implements ImportFormat {

    public static final String NAME = "csv";

    private final IngestConfig config;

    public CsvImportFormat(IngestConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RowSource open(InputStream file) {
        // A decoder of its own reports malformed bytes, where the reader's default would store U+FFFD in their place.
        BufferedReader reader = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8.newDecoder()));
        try {
            char delimiter = CsvRecords.peekDelimiter(reader, config.csvMaxLineChars());
            CsvRecords records = new CsvRecords(reader, delimiter, config.csvMaxLineChars(), config.csvMaxFieldChars());
            if (!records.hasNext()) {
                throw InvalidRequestException.of("body", "is empty; the first line must name the columns");
            }
            List<String> header = records.next().stream().map(String::trim).toList();
            CompletionCsv.checkHeader(header);
            return new Rows(records, header, delimiter);
        } catch (IOException e) {
            requireNotUtf8(e);
            throw notUtf8();
        } catch (UncheckedIOException e) {
            requireNotUtf8(e.getCause());
            throw notUtf8();
        } catch (CsvTooLongException e) {
            throw e.wholeRecord()
                    ? new PayloadTooLargeException("The header line " + e.getMessage() + "; nothing was recorded.",
                            List.of(new FieldError("header", "the header line " + e.getMessage())))
                    : InvalidRequestException.of("header", "a column name " + e.getMessage());
        }
    }

    /** The data rows after a checked header. */
    private static final class Rows implements RowSource {
        private final CsvRecords records;
        private final List<String> header;
        private final char delimiter;
        private long rows;
        private boolean ended;

        Rows(CsvRecords records, List<String> header, char delimiter) {
            this.records = records;
            this.header = header;
            this.delimiter = delimiter;
        }

        @Override
        public ImportRow next() {
            if (ended) {
                return null;
            }
            long row = rows + 1;
            try {
                if (!records.hasNext()) {
                    ended = true;
                    return null;
                }
                List<String> record = records.next();
                rows = row;
                return ImportRow.item(row, CompletionCsv.toJson(header, record, delimiter),
                        record.stream().mapToLong(String::length).sum());
            } catch (CsvTooLongException e) {
                rows = row;
                if (e.wholeRecord()) {
                    ended = true;
                    return ImportRow.refused(row, lineTooLong(e, row), true);
                }
                return ImportRow.refused(row, InvalidRequestException.of(columnName(header, e.column()),
                        e.getMessage()), false);
            } catch (IllegalArgumentException e) {
                ended = true;
                return ImportRow.refused(row, InvalidRequestException.of("row", e.getMessage()), true);
            } catch (UncheckedIOException e) {
                requireNotUtf8(e.getCause());
                ended = true;
                return ImportRow.refused(row, InvalidRequestException.of("row", "the file is not UTF-8 text in this "
                        + "row or a later one; neither this row nor any after it was read"), true);
            }
        }

        /** A data line over its cap, which was read no further: the file ends there. */
        private PayloadTooLargeException lineTooLong(CsvTooLongException e, long row) {
            String reason = "row " + row + " " + e.getMessage() + " (the limit was passed in column '"
                    + columnName(header, e.column()) + "'" + (e.inQuotes() ? " inside a quoted value: is a quote left "
                    + "open?" : "") + "); neither it nor any row after it was read";
            return new PayloadTooLargeException("Row " + row + " " + e.getMessage() + ".",
                    List.of(new FieldError("row", reason)));
        }
    }

    private static InvalidRequestException notUtf8() {
        return InvalidRequestException.of("body", "is not UTF-8 text; save the file as CSV UTF-8");
    }

    /** Rethrows a read failure other than bytes that are not UTF-8, which the caller answers as bad input. */
    private static void requireNotUtf8(IOException e) {
        if (!(e instanceof CharacterCodingException)) {
            throw new UncheckedIOException(e);
        }
    }
}
