package org.jpledger.training.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;

/** One version of a completion in its history. */
@Schema(name = "CompletionVersion", description = "A completion as it was at one version, and who made the change when.")
public record CompletionVersionResponse(
        long version,
        @Schema(description = "RECORDED, AMENDED or VOIDED") Change change,
        Instant changedAt,
        @Schema(description = "Who made the change: the caller's identity, or the record's source system") String changedBy,
        CompletionResponse completion) {
}
