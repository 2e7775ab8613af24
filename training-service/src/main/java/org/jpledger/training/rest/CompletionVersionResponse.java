package org.jpledger.training.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;
import org.jpledger.training.service.CompletionVersion;

/** One version of a completion in its history. */
@Schema(name = "CompletionVersion", description = "A completion as it was at one version, and who made the change when.")
public record CompletionVersionResponse(
        @Schema(description = "The version this entry shows") long version,
        @Schema(description = "RECORDED, AMENDED or VOIDED") Change change,
        @Schema(description = "When the change was made") Instant changedAt,
        @Schema(description = "Who made the change: the subject of the caller's token (versions written before access "
                + "control name the record's source system)") String changedBy,
        @Schema(description = "The completion as it was at this version") CompletionResponse completion) {

    public static CompletionVersionResponse from(CompletionVersion v) {
        return new CompletionVersionResponse(v.version(), v.change(), v.changedAt(), v.changedBy(),
                CompletionResponse.from(v.completion()));
    }
}
