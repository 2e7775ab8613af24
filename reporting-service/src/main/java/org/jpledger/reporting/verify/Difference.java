package org.jpledger.reporting.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One way a recomputed snapshot differs from the closed one: a value at {@code field} (a JSON path into the row's
 * answer, {@code $} for the whole row) that changed, or a row or field present on one side only.
 */
public record Difference(SnapshotRow.Kind kind, String key, String field, JsonNode closed, JsonNode recomputed,
        Change change) {

    /** What kind of difference. */
    public enum Change {
        /** The value differs. */
        CHANGED,
        /** In the closed snapshot, missing from the recomputation. */
        MISSING,
        /** In the recomputation, not in the closed snapshot. */
        EXTRA
    }
}
