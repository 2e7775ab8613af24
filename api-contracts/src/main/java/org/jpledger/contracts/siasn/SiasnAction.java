package org.jpledger.contracts.siasn;

/** What a row of a SIASN delta asks of SIASN: the {@code action} column. */
public enum SiasnAction {
    /** Never sent (or sent and since deleted): add the record. */
    CREATE,
    /** Sent in an earlier version: replace it. */
    UPDATE,
    /** Sent, and since voided in the ledger: withdraw it. */
    DELETE
}
