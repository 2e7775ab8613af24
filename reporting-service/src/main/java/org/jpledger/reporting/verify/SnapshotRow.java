package org.jpledger.reporting.verify;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of a closing's snapshot as the verification compares it: an employee (keyed by NIP) or a unit (keyed by code;
 * {@code ""} is the scope's total), with its whole answer as JSON.
 */
public record SnapshotRow(Kind kind, String key, JsonNode answer) {

    /** Which table of the snapshot a row belongs to; employees come before units in a snapshot's order. */
    public enum Kind { EMPLOYEE, UNIT }
}
