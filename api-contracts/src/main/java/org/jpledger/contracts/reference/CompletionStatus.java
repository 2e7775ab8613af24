package org.jpledger.contracts.reference;

/** Whether a completion counts: active, or voided (ended, kept for history, never counted). */
public enum CompletionStatus {
    ACTIVE,
    VOIDED
}
