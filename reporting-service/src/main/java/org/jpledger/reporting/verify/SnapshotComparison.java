package org.jpledger.reporting.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Compares a recomputed snapshot with the closed one, row by row, as a merge of two streams in the same order (employees
 * by NIP, then units by code): the closed rows are pulled from an iterator while the recomputed ones are pushed in, so
 * neither side is ever held in memory. Answers are equal as JSON: numbers by value (20 and 20.00 are the same JP), and an
 * absent field the same as a null one. At most {@link #LISTED} differences are kept; all are counted.
 */
public final class SnapshotComparison implements Consumer<SnapshotRow> {

    /** The most differences a result lists; the count covers them all. */
    public static final int LISTED = 100;

    /** Rows in snapshot order: employees before units, then by key (codes and NIPs compare as Java strings). */
    static final Comparator<SnapshotRow> ORDER = Comparator.comparing(SnapshotRow::kind)
            .thenComparing(SnapshotRow::key);

    private final Iterator<SnapshotRow> closed;
    private final List<Difference> listed = new ArrayList<>();
    private SnapshotRow pending;
    private SnapshotRow lastRecomputed;
    private long differences;
    private long employeeRows;
    private long unitRows;

    public SnapshotComparison(Iterator<SnapshotRow> closed) {
        this.closed = closed;
        this.pending = closed.hasNext() ? closed.next() : null;
    }

    /** The outcome: rows compared per kind (each key once, whichever side has it) and the differences. */
    public record Result(long employeeRows, long unitRows, long differenceCount, List<Difference> differences) {

        public boolean equal() {
            return differenceCount == 0;
        }
    }

    /** Takes the next recomputed row; rows must come in snapshot order. */
    @Override
    public void accept(SnapshotRow recomputed) {
        if (lastRecomputed != null && ORDER.compare(lastRecomputed, recomputed) >= 0) {
            throw new IllegalStateException("recomputed rows out of order: " + recomputed.kind() + " "
                    + recomputed.key() + " after " + lastRecomputed.kind() + " " + lastRecomputed.key());
        }
        lastRecomputed = recomputed;
        while (pending != null && ORDER.compare(pending, recomputed) < 0) {
            missing(pending);
            advance();
        }
        counted(recomputed);
        if (pending != null && ORDER.compare(pending, recomputed) == 0) {
            compare(recomputed.kind(), recomputed.key(), "$", pending.answer(), recomputed.answer());
            advance();
        } else {
            differ(new Difference(recomputed.kind(), recomputed.key(), "$", null, recomputed.answer(),
                    Difference.Change.EXTRA));
        }
    }

    /** Ends the comparison: closed rows left over were not recomputed. */
    public Result finish() {
        while (pending != null) {
            missing(pending);
            advance();
        }
        return new Result(employeeRows, unitRows, differences, List.copyOf(listed));
    }

    private void missing(SnapshotRow row) {
        counted(row);
        differ(new Difference(row.kind(), row.key(), "$", row.answer(), null, Difference.Change.MISSING));
    }

    private void advance() {
        SnapshotRow previous = pending;
        pending = closed.hasNext() ? closed.next() : null;
        if (pending != null && ORDER.compare(previous, pending) >= 0) {
            throw new IllegalStateException("closed rows out of order: " + pending.kind() + " " + pending.key()
                    + " after " + previous.kind() + " " + previous.key());
        }
    }

    private void counted(SnapshotRow row) {
        if (row.kind() == SnapshotRow.Kind.EMPLOYEE) {
            employeeRows++;
        } else {
            unitRows++;
        }
    }

    private void compare(SnapshotRow.Kind kind, String key, String path, JsonNode closedValue, JsonNode recomputed) {
        boolean closedAbsent = closedValue == null || closedValue.isNull() || closedValue.isMissingNode();
        boolean recomputedAbsent = recomputed == null || recomputed.isNull() || recomputed.isMissingNode();
        if (closedAbsent || recomputedAbsent) {
            if (closedAbsent != recomputedAbsent) {
                differ(new Difference(kind, key, path, closedAbsent ? null : closedValue,
                        recomputedAbsent ? null : recomputed,
                        closedAbsent ? Difference.Change.EXTRA : Difference.Change.MISSING));
            }
        } else if (closedValue.isObject() && recomputed.isObject()) {
            TreeSet<String> fields = new TreeSet<>();
            closedValue.fieldNames().forEachRemaining(fields::add);
            recomputed.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                compare(kind, key, path + "." + field, closedValue.get(field), recomputed.get(field));
            }
        } else if (closedValue.isArray() && recomputed.isArray()) {
            for (int i = 0; i < Math.max(closedValue.size(), recomputed.size()); i++) {
                compare(kind, key, path + "[" + i + "]", closedValue.get(i), recomputed.get(i));
            }
        } else if (!sameValue(closedValue, recomputed)) {
            differ(new Difference(kind, key, path, closedValue, recomputed, Difference.Change.CHANGED));
        }
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private void differ(Difference difference) {
        differences++;
        if (listed.size() < LISTED) {
            listed.add(difference);
        }
    }
}
