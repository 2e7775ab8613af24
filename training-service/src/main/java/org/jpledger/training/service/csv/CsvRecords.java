package org.jpledger.training.service.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads RFC 4180 records one at a time from a stream (quoted fields, doubled quotes, line breaks inside quotes, CRLF or
 * LF), so a file of any length is read in constant memory. A UTF-8 BOM before the first field is skipped. Each record
 * (its characters up to the line break that ends it, line breaks inside quotes included) and each field is capped: no
 * more than the caps is ever held, however long a line or an unclosed quote runs on (see {@link CsvTooLongException}).
 */
public final class CsvRecords implements Iterator<List<String>> {

    private final Reader in;
    private final char delimiter;
    private final int maxRecord;
    private final int maxField;
    private List<String> next;
    private boolean started;
    /** Set once a record passed its cap: the rest of it is unread, so no record after it can be told apart. */
    private CsvTooLongException stopped;

    /**
     * @param maxRecord the most characters of one record, without the line break that ends it
     * @param maxField the most characters of one field's value
     */
    public CsvRecords(Reader in, char delimiter, int maxRecord, int maxField) {
        this.in = in;
        this.delimiter = delimiter;
        this.maxRecord = maxRecord;
        this.maxField = maxField;
    }

    /**
     * The delimiter of the first line, left unread in {@code in}: ';' (Indonesian-locale Excel) when it has more
     * semicolons than commas, else ','. Looks at no more than {@code maxLine} characters of it.
     *
     * @throws CsvTooLongException when the first line is longer than {@code maxLine} characters
     */
    public static char peekDelimiter(BufferedReader in, int maxLine) throws IOException {
        // One more than the line for its BOM, one more for the character that tells the line is too long.
        in.mark(maxLine + 2);
        try {
            int semicolons = 0;
            int commas = 0;
            int length = 0;
            int c = in.read();
            if (c == '\uFEFF') {
                c = in.read();
            }
            while (c != -1 && c != '\r' && c != '\n') {
                if (++length > maxLine) {
                    throw CsvTooLongException.record(Math.max(commas, semicolons), maxLine, false);
                }
                if (c == ';') {
                    semicolons++;
                } else if (c == ',') {
                    commas++;
                }
                c = in.read();
            }
            return semicolons > commas ? ';' : ',';
        } finally {
            in.reset();
        }
    }

    @Override
    public boolean hasNext() {
        if (stopped != null) {
            throw stopped;
        }
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public List<String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<String> record = next;
        next = null;
        return record;
    }

    private List<String> read() {
        try {
            int c = in.read();
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    c = in.read();
                }
            }
            while (c == '\r' || c == '\n') {
                c = in.read();
            }
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int length = 0;
            int overlong = -1;
            boolean quoted = false;
            while (true) {
                if (quoted && c == -1) {
                    throw new IllegalArgumentException("a quoted field is not closed before the end of the file");
                }
                if (!quoted && (c == '\r' || c == '\n' || c == -1)) {
                    fields.add(field.toString());
                    if (overlong >= 0) {
                        throw CsvTooLongException.field(overlong, maxField);
                    }
                    return fields;
                }
                length = count(length, fields.size(), quoted);
                if (quoted) {
                    if (c == '"') {
                        int after = in.read();
                        if (after != '"') {
                            quoted = false;
                            c = after;
                            continue;
                        }
                        length = count(length, fields.size(), quoted);
                    }
                    overlong = append(field, (char) c, overlong, fields.size());
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    overlong = append(field, (char) c, overlong, fields.size());
                }
                c = in.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One more character of the record read; stops the reading when that passes the record's cap. */
    private int count(int length, int column, boolean quoted) {
        if (length == maxRecord) {
            stopped = CsvTooLongException.record(column, maxRecord, quoted);
            throw stopped;
        }
        return length + 1;
    }

    /**
     * Appends the character to the field while it is within its cap; past it, drops the character and returns the
     * column as the record's first overlong field, so that the rest of the record is still read past (and counted).
     */
    private int append(StringBuilder field, char c, int overlong, int column) {
        if (field.length() < maxField) {
            field.append(c);
            return overlong;
        }
        return overlong >= 0 ? overlong : column;
    }
}
