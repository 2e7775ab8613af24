package org.jpledger.training.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;
import org.jpledger.training.domain.Completion;

/**
 * A completion as it is at one version: what the use cases answer and what {@code completion_history} stores as JSON.
 * The property names are the stored format (rows written before this record held the API's CompletionResponse under
 * the same names), so renaming one breaks reading old history; the API maps from this record and may change freely.
 * {@code flags} is null in history written before completions had flags; {@code verification} and the fields after it
 * are null in history written before verification (read {@code verification} as SUBMITTED).
 */
public record CompletionSnapshot(
        UUID id,
        long version,
        String nip,
        String title,
        int kindId,
        TrainingMethod method,
        CompetencyType competencyType,
        DeliveryMode deliveryMode,
        String provider,
        LocalDate startDate,
        LocalDate endDate,
        int year,
        BigDecimal jp,
        Integer days,
        boolean international,
        BigDecimal recognizedJp,
        int ruleVersion,
        String certificateNumber,
        String sourceSystem,
        String externalId,
        CompletionStatus status,
        String voidReason,
        Instant recordedAt,
        Instant updatedAt,
        List<CompletionFlag> flags,
        VerificationState verification,
        String recordedBy,
        String verifiedBy,
        Instant verifiedAt,
        String rejectionCode,
        String rejectionNote,
        UUID duplicateOf) {

    public static CompletionSnapshot of(Completion c) {
        return new CompletionSnapshot(c.id, c.version, c.nip, c.title, c.kindId, c.method, c.competencyType,
                c.deliveryMode, c.provider, c.startDate, c.endDate, c.year, c.jp, c.days, c.international,
                c.recognizedJp, c.ruleVersion, c.certificateNumber, c.sourceSystem, c.externalId, c.status,
                c.voidReason, c.recordedAt, c.updatedAt, flagsOf(c), c.verification, c.recordedBy, c.verifiedBy,
                c.verifiedAt, c.rejectionCode, c.rejectionNote, c.duplicateOf);
    }

    /** The flags of {@code c}'s current version. */
    static List<CompletionFlag> flagsOf(Completion c) {
        return Arrays.stream(c.flags).map(CompletionFlag::valueOf).toList();
    }
}
