package org.jpledger.reporting.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a retry of every parked event did. */
@Schema(name = "ParkedEventRetryAll", description = "Counts of a retry of every event parked when it started")
public record RetryAllResponse(
        @Schema(description = "Parked events retried", examples = "12") int retried,
        @Schema(description = "Applied: a projection changed; no longer parked", examples = "9") int applied,
        @Schema(description = "Duplicates or older than what is stored: nothing changed; no longer parked",
                examples = "1") int ignored,
        @Schema(description = "Still parked, each with the reason of this retry", examples = "2") int stillParked) {
}
