package org.jpledger.reporting.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.parking.replay.RetryResult;

/** What a retry of one parked event did. */
@Schema(name = "ParkedEventRetry", description = "The outcome of retrying one parked event")
public record RetryResponse(
        @Schema(description = "Id of the parked event retried", examples = "17") long id,
        @Schema(description = "APPLIED: a projection changed; IGNORED: a duplicate or older than what is stored, "
                + "nothing changed; in both cases the event is no longer parked. STILL_PARKED: it still cannot be read "
                + "or applied") RetryResult.Outcome outcome,
        @Schema(description = "Why it is still parked; null when applied or ignored",
                examples = "unknown event type org.jpledger.employee.promoted.v1") String reason,
        @Schema(description = "Retries of this event so far, this one included", examples = "1") int retryCount,
        @Schema(description = "When this retry ran") Instant retriedAt) {

    public static RetryResponse from(RetryResult result) {
        return new RetryResponse(result.id(), result.outcome(), result.reason(), result.retryCount(),
                result.lastRetryAt());
    }
}
