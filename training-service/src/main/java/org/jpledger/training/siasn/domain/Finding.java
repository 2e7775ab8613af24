package org.jpledger.training.siasn.domain;

/** What a reconciliation found for one record, on either side. */
public enum Finding {
    /** In both: a SIASN record and a ledger completion matched (possibly with differences). */
    MATCHED,
    /** An active ledger completion of an employee in the subtree that SIASN does not hold. */
    LEDGER_ONLY,
    /** A SIASN record of an employee in the subtree that the ledger does not hold: it may be taken in. */
    SIASN_ONLY,
    /** A SIASN record whose NIP names no employee the caller may see. */
    UNKNOWN_NIP,
    /** A SIASN record of an employee the caller may see, but who is not in the reconciled subtree. */
    OUTSIDE_UNIT,
    /** A row of the SIASN file that could not be read as a record. */
    INVALID_ROW
}
