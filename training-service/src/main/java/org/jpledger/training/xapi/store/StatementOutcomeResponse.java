package org.jpledger.training.xapi.store;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.support.security.Caller;

/** What one stored xAPI statement meant for the completions, for admins. */
@Schema(name = "StatementOutcome", description = "What one stored xAPI statement meant for the completions")
public record StatementOutcomeResponse(
        @Schema(description = "The statement's id") UUID statementId,
        @Schema(description = "The integrating system that sent it: a Basic credential's name, or bearer:<subject>")
        String system,
        @Schema(description = "When it was stored") Instant stored,
        @Schema(description = "Its verb IRI") String verb,
        @Schema(description = "RECORDED (a completion), UNMAPPED (a completion verb that could not become one), "
                + "NOT_COMPLETION (another verb) or VOIDING (voids another statement)") XapiStatement.Outcome outcome,
        @Schema(description = "The completion it recorded, for RECORDED") UUID completionId,
        @Schema(description = "Why it did not become a completion, for UNMAPPED") String reason,
        @Schema(description = "The statement that voided it, once voided") UUID voidedBy,
        @Schema(description = "The statement it voids, for VOIDING") UUID voids) {

    public static StatementOutcomeResponse from(XapiStatement s) {
        return new StatementOutcomeResponse(s.id, Caller.shownName(s.system), s.stored, s.verbs[0], s.outcome,
                s.completionId, s.reason, s.voidedBy, s.voids);
    }
}
