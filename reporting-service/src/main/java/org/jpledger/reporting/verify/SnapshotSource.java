package org.jpledger.reporting.verify;

import java.util.function.Consumer;
import org.jpledger.reporting.closing.Closing;

/**
 * Recomputes a closing's snapshot rows from the projection tables of the current search path, rated with the closing's
 * own policies and day, and hands them over in snapshot order (employees by NIP, then units by code, {@code ""} first).
 */
public interface SnapshotSource {

    /** Rates {@code closing}'s scope in the caller's transaction and hands each row to {@code rows}. */
    void rate(Closing closing, Consumer<SnapshotRow> rows);
}
