package org.jpledger.training.siasn.domain;

/** Which rule matched a SIASN record with a ledger completion. */
public enum MatchRule {
    /** The same certificate number for the same NIP. */
    CERTIFICATE,
    /** The same NIP, kind, start and end dates, and a title similar enough. */
    NIP_KIND_DATES_TITLE
}
