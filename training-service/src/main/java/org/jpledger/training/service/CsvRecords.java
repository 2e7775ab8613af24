package org.jpledger.training.service;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads RFC 4180 records one at a time from a stream (quoted fields, doubled quotes, line breaks inside quotes, CRLF or
 * LF), so a file of any length is read in constant memory. A UTF-8 BOM before the first field is skipped.
 */
public final class CsvRecords implements Iterator<List<String>> {

    private final Reader in;
    private final char delimiter;
    private List<String> next;
    private boolean started;

    public CsvRecords(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The delimiter of a header line: ';' (Indonesian-locale Excel) when it has more semicolons than commas, else ','. */
    public static char delimiterOf(String headerLine) {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    @Override
    public boolean hasNext() {
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
            boolean quoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new IllegalArgumentException("a quoted field is not closed before the end of the file");
                    }
                    if (c == '"') {
                        int after = in.read();
                        if (after == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = after;
                            continue;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' || c == '\n' || c == -1) {
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
                c = in.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
