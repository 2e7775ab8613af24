package org.jpledger.reporting.closing.standing;

/** How a late completion event changed what a closed year counts. */
public enum CorrectionChange {
    /** A new completion of the year (or a voided one restored). */
    RECORDED,
    /** A completion of the year amended and still of the year. */
    AMENDED,
    /** A completion of the year voided. */
    VOIDED,
    /** A completion of another year amended to end in this one. */
    MOVED_IN,
    /** A completion of the year amended to end in another one. */
    MOVED_OUT
}
