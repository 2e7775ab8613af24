package org.jpledger.training.verification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.RejectionReason;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.training.verification.service.VerificationDecision;

/** Body of {@code POST /api/v1/completions/{id}/verification}. */
@Schema(name = "VerificationRequest", description = "A verifier's decision on a completion.")
public record VerificationRequest(
        @Schema(description = "VERIFIED or REJECTED", examples = "REJECTED") @NotBlank String decision,
        @Schema(description = "Required for REJECTED, absent for VERIFIED: a RejectionReason code (NO_EVIDENCE, "
                + "EVIDENCE_MISMATCH, NOT_ATTENDED, WRONG_EMPLOYEE, WRONG_JP, WRONG_DATES, NOT_COMPETENCY_DEVELOPMENT, "
                + "DUPLICATE, OTHER)", examples = "NO_EVIDENCE") String reasonCode,
        @Schema(description = "The verifier's note on a rejection (required for OTHER); at most 2000 characters",
                examples = "Sertifikat tidak dilampirkan") @Size(max = 2000) String note) {

    /** The decision this body asks for; a combination that is not one is refused with every reason at once (400). */
    public VerificationDecision toCommand() {
        FieldErrors errors = new FieldErrors();
        VerificationState state = null;
        if (VerificationState.VERIFIED.name().equals(decision) || VerificationState.REJECTED.name().equals(decision)) {
            state = VerificationState.valueOf(decision);
        } else {
            errors.add("decision", "must be VERIFIED or REJECTED");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        RejectionReason reason = null;
        if (state == VerificationState.REJECTED) {
            if (reasonCode == null || reasonCode.isBlank()) {
                errors.add("reasonCode", "required to reject: one of " + Arrays.toString(RejectionReason.values()));
            } else if (Arrays.stream(RejectionReason.values()).noneMatch(r -> r.name().equals(reasonCode))) {
                errors.add("reasonCode", "must be one of " + Arrays.toString(RejectionReason.values()));
            } else {
                reason = RejectionReason.valueOf(reasonCode);
                if (reason == RejectionReason.OTHER && text == null) {
                    errors.add("note", "required with reasonCode OTHER: say why");
                }
            }
        } else if (state == VerificationState.VERIFIED) {
            if (reasonCode != null) {
                errors.add("reasonCode", "only for REJECTED");
            }
            if (text != null) {
                errors.add("note", "only for REJECTED");
            }
        }
        errors.throwIfAny();
        return new VerificationDecision(state, reason, text);
    }
}
