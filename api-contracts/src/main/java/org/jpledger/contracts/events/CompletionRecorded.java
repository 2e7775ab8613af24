package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.contracts.reference.VerificationState;

/**
 * Full state of one training completion after a change: the payload of {@link EventTypes#COMPLETION_RECORDED_V1},
 * {@link EventTypes#COMPLETION_AMENDED_V1} and {@link EventTypes#COMPLETION_VOIDED_V1} alike, so a consumer that missed
 * earlier versions still has everything.
 *
 * @param year          the training year the completion counts in (year of {@code endDate}, Asia/Jakarta)
 * @param jp            the claimed lesson hours (as stated by the provider), null when the kind is counted by days
 * @param recognizedJp  the lesson hours that count toward the yearly duty
 * @param version       the completion's version; 1 when first recorded
 * @param status        null in events written before voiding existed, meaning active
 * @param ruleVersion   the recognition rule table version that computed {@code recognizedJp}
 * @param voidReason    why it was voided; null while active
 * @param flags         what is implausible about it (it still counts); absent in events written before flags existed
 * @param changedBy     who made this version (the token subject, or the source system of a batch or xAPI record);
 *                      absent in events written before changes named their author
 * @param verification  whether the claim was checked (see {@link VerificationState}); absent in events written before
 *                      verification existed, read as SUBMITTED through {@link #verificationState()}
 * @param duplicateOf   the completion this one was voided as a duplicate of; null otherwise
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompletionRecorded(
        UUID completionId,
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
        String certificateNumber,
        String sourceSystem,
        String externalId,
        CompletionStatus status,
        Integer ruleVersion,
        String voidReason,
        List<CompletionFlag> flags,
        String changedBy,
        VerificationState verification,
        UUID duplicateOf) {

    /** An event as written before completions were verified. */
    public CompletionRecorded(UUID completionId, long version, String nip, String title, int kindId,
            TrainingMethod method, CompetencyType competencyType, DeliveryMode deliveryMode, String provider,
            LocalDate startDate, LocalDate endDate, int year, BigDecimal jp, Integer days, boolean international,
            BigDecimal recognizedJp, String certificateNumber, String sourceSystem, String externalId,
            CompletionStatus status, Integer ruleVersion, String voidReason, List<CompletionFlag> flags,
            String changedBy) {
        this(completionId, version, nip, title, kindId, method, competencyType, deliveryMode, provider, startDate,
                endDate, year, jp, days, international, recognizedJp, certificateNumber, sourceSystem, externalId, status,
                ruleVersion, voidReason, flags, changedBy, null, null);
    }

    /** An event as written before changes named their author. */
    public CompletionRecorded(UUID completionId, long version, String nip, String title, int kindId,
            TrainingMethod method, CompetencyType competencyType, DeliveryMode deliveryMode, String provider,
            LocalDate startDate, LocalDate endDate, int year, BigDecimal jp, Integer days, boolean international,
            BigDecimal recognizedJp, String certificateNumber, String sourceSystem, String externalId,
            CompletionStatus status, Integer ruleVersion, String voidReason, List<CompletionFlag> flags) {
        this(completionId, version, nip, title, kindId, method, competencyType, deliveryMode, provider, startDate,
                endDate, year, jp, days, international, recognizedJp, certificateNumber, sourceSystem, externalId, status,
                ruleVersion, voidReason, flags, null, null, null);
    }

    /** An event as written before completions carried flags. */
    public CompletionRecorded(UUID completionId, long version, String nip, String title, int kindId,
            TrainingMethod method, CompetencyType competencyType, DeliveryMode deliveryMode, String provider,
            LocalDate startDate, LocalDate endDate, int year, BigDecimal jp, Integer days, boolean international,
            BigDecimal recognizedJp, String certificateNumber, String sourceSystem, String externalId,
            CompletionStatus status, Integer ruleVersion, String voidReason) {
        this(completionId, version, nip, title, kindId, method, competencyType, deliveryMode, provider, startDate,
                endDate, year, jp, days, international, recognizedJp, certificateNumber, sourceSystem, externalId, status,
                ruleVersion, voidReason, null, null, null, null);
    }

    /** Whether the completion counts toward the yearly duty (events without a status predate voiding: active). */
    public boolean active() {
        return status != CompletionStatus.VOIDED;
    }

    /** The verification state, SUBMITTED for an event written before verification existed. */
    public VerificationState verificationState() {
        return VerificationState.orSubmitted(verification);
    }
}
