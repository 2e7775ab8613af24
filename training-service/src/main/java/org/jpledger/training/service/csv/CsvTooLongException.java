package org.jpledger.training.service.csv;

/**
 * A CSV record, or one of its fields, longer than its cap. A record over the cap was left unread from that point on, so
 * the file cannot be read further; a field over its cap was skipped to the end of its record, so the next one can be.
 */
public final class CsvTooLongException extends RuntimeException {

    private final boolean wholeRecord;
    private final int column;
    private final int limit;
    private final boolean inQuotes;

    private CsvTooLongException(String message, boolean wholeRecord, int column, int limit, boolean inQuotes) {
        super(message);
        this.wholeRecord = wholeRecord;
        this.column = column;
        this.limit = limit;
        this.inQuotes = inQuotes;
    }

    static CsvTooLongException record(int column, int limit, boolean inQuotes) {
        return new CsvTooLongException("is longer than the limit of " + limit + " characters for a line of the file",
                true, column, limit, inQuotes);
    }

    static CsvTooLongException field(int column, int limit) {
        return new CsvTooLongException("is longer than the limit of " + limit + " characters for a CSV cell", false,
                column, limit, false);
    }

    /** True when the record as a whole passed its cap (and reading stopped there), false for one field. */
    public boolean wholeRecord() {
        return wholeRecord;
    }

    /** The column (from 0) of the field over its cap, or being read when the record passed its cap. */
    public int column() {
        return column;
    }

    /** True when a record passed its cap inside a quoted value: most likely a quote left open. */
    public boolean inQuotes() {
        return inQuotes;
    }

    /** The cap that was passed, in characters. */
    public int limit() {
        return limit;
    }
}
