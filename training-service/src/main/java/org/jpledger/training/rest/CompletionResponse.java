package org.jpledger.training.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.RejectionReason;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.training.service.CompletionSnapshot;

/** A recorded completion as the API shows it, with the method derived from its kind and the JP it is recognised for. */
@Schema(name = "CompletionResponse", description = "A training completion at its current version.")
public record CompletionResponse(
        @Schema(description = "Id given by JP Ledger") UUID id,
        @Schema(description = "Version; 1 when recorded, one more per amendment, void or verifier's decision. Send "
                + "it back in If-Match.")
        long version,
        @Schema(description = "NIP of the employee") String nip,
        @Schema(description = "Name of the training") String title,
        @Schema(description = "National training kind id (1-25)") int kindId,
        @Schema(description = "Derived from the kind: KLASIKAL or NONKLASIKAL") TrainingMethod method,
        @Schema(description = "TEKNIS, MANAJERIAL or SOSIAL_KULTURAL") CompetencyType competencyType,
        @Schema(description = "LURING, DARING or BLENDED") DeliveryMode deliveryMode,
        @Schema(description = "Organising institution") String provider,
        @Schema(description = "First day") LocalDate startDate,
        @Schema(description = "Last day") LocalDate endDate,
        @Schema(description = "Training year the completion counts in: the year of endDate") int year,
        @Schema(description = "Claimed JP as sent; absent when days were sent instead") BigDecimal jp,
        @Schema(description = "Days as sent, for a seminar or workshop without stated JP") Integer days,
        @Schema(description = "International training") boolean international,
        @Schema(description = "JP that count toward the yearly duty") BigDecimal recognizedJp,
        @Schema(description = "Version of the recognition rule table that computed recognizedJp") int ruleVersion,
        @Schema(description = "Certificate number") String certificateNumber,
        @Schema(description = "The reporting system") String sourceSystem,
        @Schema(description = "The reporting system's own id") String externalId,
        @Schema(description = "ACTIVE, or VOIDED (kept for history, never counted)") CompletionStatus status,
        @Schema(description = "Why it was voided") String voidReason,
        @Schema(description = "When it was first recorded") Instant recordedAt,
        @Schema(description = "When its current version was written") Instant updatedAt,
        @Schema(description = "What is implausible about it (it still counts, a verifier should look): "
                + "IMPLAUSIBLE_JP_PER_DAY when the JP per day of its span exceed the method's ceiling; empty for none, "
                + "absent in versions written before completions had flags")
        List<CompletionFlag> flags,
        @Schema(description = "SUBMITTED (waiting for a verifier), VERIFIED, REJECTED or AUTO_VERIFIED (recorded from "
                + "a source system trusted for the employee's unit); SUBMITTED in versions written before verification")
        VerificationState verification,
        @Schema(description = "Who recorded version 1: the token subject, or the source system for records older than "
                + "access control; never its verifier") String recordedBy,
        @Schema(description = "The verifier (token subject) who decided the current state; absent while SUBMITTED or "
                + "AUTO_VERIFIED") String verifiedBy,
        @Schema(description = "When the current state was decided; absent while SUBMITTED or AUTO_VERIFIED")
        Instant verifiedAt,
        @Schema(description = "Why it was rejected; present only while REJECTED") Rejection rejection,
        @Schema(description = "The completion this one was voided as a duplicate of") UUID duplicateOf) {

    /** A verifier's refusal: the reason code, its Indonesian label and the verifier's note. */
    @Schema(name = "CompletionRejection")
    public record Rejection(
            @Schema(description = "A RejectionReason code, e.g. NO_EVIDENCE, DUPLICATE, OTHER") String code,
            @Schema(description = "The code's Indonesian label") String label,
            @Schema(description = "The verifier's note; always present for OTHER") String note) {

        static Rejection of(String code, String note) {
            return code == null ? null : new Rejection(code, RejectionReason.valueOf(code).label(), note);
        }
    }

    public static CompletionResponse from(CompletionSnapshot c) {
        return new CompletionResponse(c.id(), c.version(), c.nip(), c.title(), c.kindId(), c.method(),
                c.competencyType(), c.deliveryMode(), c.provider(), c.startDate(), c.endDate(), c.year(), c.jp(),
                c.days(), c.international(), c.recognizedJp(), c.ruleVersion(), c.certificateNumber(),
                c.sourceSystem(), c.externalId(), c.status(), c.voidReason(), c.recordedAt(), c.updatedAt(),
                c.flags(), VerificationState.orSubmitted(c.verification()), c.recordedBy(), c.verifiedBy(),
                c.verifiedAt(), Rejection.of(c.rejectionCode(), c.rejectionNote()), c.duplicateOf());
    }
}
