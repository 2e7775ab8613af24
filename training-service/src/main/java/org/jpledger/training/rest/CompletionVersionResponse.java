package org.jpledger.training.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.training.domain.CompletionHistoryEntry.Change;
import org.jpledger.training.domain.CompletionHistoryEntry.Recognition;
import org.jpledger.training.service.CompletionVersion;

/** One version of a completion in its history. */
@Schema(name = "CompletionVersion", description = "A completion as it was at one version, and who made the change when.")
public record CompletionVersionResponse(
        @Schema(description = "The version this entry shows") long version,
        @Schema(description = "RECORDED, AMENDED, VOIDED, or REVIEWED (only the verification state or the flags changed)") Change change,
        @Schema(description = "When the change was made") Instant changedAt,
        @Schema(description = "Who made the change: the subject of the caller's token (versions written before access "
                + "control name the record's source system)") String changedBy,
        @Schema(description = "The completion as it was at this version") CompletionResponse completion,
        @Schema(description = "Which recognition rule version gave this version's recognised JP, and why")
        RecognitionEntry recognition) {

    /** The rule version of one version of a completion and why its recognised JP is what it is. */
    @Schema(name = "CompletionRecognition")
    public record RecognitionEntry(
            @Schema(description = "The recognition rule table version that computed recognizedJp") Integer ruleVersion,
            @Schema(description = "RECORDED (computed when recorded, by the rules in force on endDate), INPUT_CHANGED "
                    + "(the amendment changed kindId, jp, days, international, or endDate into another rule version's "
                    + "period, so it was computed again by the rules in force on endDate), UNCHANGED (kept from the "
                    + "version before), RULES_CHANGED (computed again under a newer table with no input changed: "
                    + "amendments made before rules had validity dates only); absent when the stored version does not "
                    + "say") Recognition reason) {
    }

    public static CompletionVersionResponse from(CompletionVersion v) {
        return new CompletionVersionResponse(v.version(), v.change(), v.changedAt(), v.changedBy(),
                CompletionResponse.from(v.completion()),
                new RecognitionEntry(v.completion().ruleVersion(), v.recognition()));
    }
}
