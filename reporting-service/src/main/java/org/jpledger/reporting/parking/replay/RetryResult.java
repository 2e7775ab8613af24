package org.jpledger.reporting.parking.replay;

import java.time.Instant;

/**
 * What one retry of a parked event did.
 *
 * @param reason      why it is still parked; null when it was applied or ignored
 * @param retryCount  retries of the event so far, this one included
 */
public record RetryResult(long id, Outcome outcome, String reason, int retryCount, Instant lastRetryAt) {

    /** The fate of a retried event. */
    public enum Outcome {
        /** Read and applied: a projection changed; the parked row is deleted. */
        APPLIED,
        /** Read, but a duplicate or older than the stored state, so nothing changed; the parked row is deleted. */
        IGNORED,
        /** Still cannot be read or applied; the row stays with the new reason. */
        STILL_PARKED
    }
}
